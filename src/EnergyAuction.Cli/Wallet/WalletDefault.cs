namespace EnergyAuction.Cli.Wallet;

/// <summary>
/// Which wallet signs when --from is not given: the one chosen with `energy wallet default NAME`, kept by name in the
/// keystore folder's ".default" file, or the folder's only wallet. Never whichever sorts first: a keystore dropped into
/// the folder must not start signing by surprise.
/// </summary>
public static class WalletDefault
{
    public const string FileName = ".default";

    /// <summary>The chosen default's name, or null when none was chosen.</summary>
    public static string? Read(string keystoreFolder)
    {
        var file = Path.Combine(keystoreFolder, FileName);
        return File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } name ? name : null;
    }

    public static void Write(string keystoreFolder, string name)
    {
        PrivateFile.CreateFolder(keystoreFolder);
        File.WriteAllText(Path.Combine(keystoreFolder, FileName), name + "\n");
    }
}
