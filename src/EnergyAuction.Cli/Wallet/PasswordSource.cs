namespace EnergyAuction.Cli.Wallet;

/// <summary>
/// Where a wallet password comes from: the file named by $ENERGY_PASSWORD_FILE when it is set (scripts,
/// demos), else a no-echo prompt when stdin is a terminal. Never from a flag (see <see cref="PasswordFlag"/>).
/// </summary>
public static class PasswordSource
{
    public const string FileVariable = "ENERGY_PASSWORD_FILE";

    /// <summary>Shortest password a new wallet takes: the keystore is only as strong as it.</summary>
    public const int MinimumLength = 8;

    /// <summary>The password that unlocks an existing wallet.</summary>
    public static string ForUnlocking(IConsoleInput input, WalletEntry wallet) =>
        FromFile() ?? Prompt(input, $"Password for wallet {wallet.Name} ({wallet.Address}): ");

    /// <summary>A password for a new keystore: typed twice when prompted; at least <see cref="MinimumLength"/> characters.</summary>
    public static string ForNewWallet(IConsoleInput input)
    {
        var password = FromFile() ?? Prompt(input, "New wallet password: ");
        if (password.Length < MinimumLength)
            throw CliException.Usage($"the password has {Plural.Of(password.Length, "character")}; a wallet password needs at least {MinimumLength}, nothing was saved");
        if (Environment.GetEnvironmentVariable(FileVariable) is not { Length: > 0 }
            && input.ReadSecret("Repeat the password: ") != password)
            throw CliException.Usage("the two passwords differ; nothing was saved, try again");
        return password;
    }

    private static string? FromFile()
    {
        if (Environment.GetEnvironmentVariable(FileVariable) is not { Length: > 0 } path)
            return null;
        if (!File.Exists(path))
            throw CliException.Usage($"{FileVariable} names {path}, which does not exist");
        PrivateFile.Require(path, $"password file ({FileVariable})");
        // One line: a trailing newline from `echo pw > file` is not part of the password.
        return File.ReadAllText(path).TrimEnd('\r', '\n');
    }

    private static string Prompt(IConsoleInput input, string prompt) =>
        input.IsInteractive
            ? input.ReadSecret(prompt)
            : throw CliException.Usage($"a password is needed but stdin is not a terminal: put it in a file and set {FileVariable}");
}
