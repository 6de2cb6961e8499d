namespace EnergyAuction.Cli;

/// <summary>Passwords are never taken from flags: they would show in `ps` and in shell history.</summary>
public static class PasswordFlag
{
    public static string? Find(IEnumerable<string> args) =>
        args.FirstOrDefault(a => a.StartsWith("--password", StringComparison.OrdinalIgnoreCase) || a.StartsWith("--passphrase", StringComparison.OrdinalIgnoreCase));

    public static string Refusal(string flag) =>
        $"{flag.Split('=')[0]} is not accepted: a password on the command line shows in `ps` and shell history; "
        + $"type it at the prompt, or put it in a file readable only by you and set {Wallet.PasswordSource.FileVariable}";
}
