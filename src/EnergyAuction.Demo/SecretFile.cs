namespace EnergyAuction.Demo;

/// <summary>Passwords and dev keys go into files only their owner can read; commands are told the file, never the secret.</summary>
public static class SecretFile
{
    public static void Write(string path, string secret)
    {
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
