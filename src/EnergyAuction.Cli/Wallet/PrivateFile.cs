namespace EnergyAuction.Cli.Wallet;

/// <summary>
/// Secrets on disk (keystores, password files, key files) must be readable only by their owner, as ssh insists for
/// its keys: one that group or others may open is refused with the chmod that fixes it. New keystore folders are 0700.
/// </summary>
public static class PrivateFile
{
    private const UnixFileMode OpenToOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Throws when <paramref name="path"/> is open to group or others; <paramref name="what"/> names it ("keystore").</summary>
    public static void Require(string path, string what)
    {
        if (OperatingSystem.IsWindows())
            return;
        var mode = File.GetUnixFileMode(path);
        if ((mode & OpenToOthers) != 0)
            throw CliException.Failure(
                $"{what} {path} is open to group or others (mode {Octal(mode)}); run `chmod 600 {path}` so only you can read it");
    }

    /// <summary>Creates <paramref name="directory"/> (and its parents) readable only by the owner when it does not exist.</summary>
    public static void CreateFolder(string directory)
    {
        if (Directory.Exists(directory))
            return;
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(directory);
        else
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');
}
