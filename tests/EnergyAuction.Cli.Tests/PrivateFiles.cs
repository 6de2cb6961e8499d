namespace EnergyAuction.Cli.Tests;

/// <summary>Secrets the tests hand to `energy` (passwords, keys) written as a careful user would: readable only by the owner.</summary>
public static class PrivateFiles
{
    public static void Write(string path, string text)
    {
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
