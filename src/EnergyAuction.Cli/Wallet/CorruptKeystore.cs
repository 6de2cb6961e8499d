namespace EnergyAuction.Cli.Wallet;

/// <summary>A file in the keystore folder that should be a keystore but cannot be read as one, and why; `wallet list`
/// shows it rather than hiding it.</summary>
public sealed record CorruptKeystore(string Name, string Path, string Problem);
