namespace EnergyAuction.Cli.Wallet;

/// <summary>One keystore file: the wallet's name (file name without .json), its address and where it lives.</summary>
public sealed record WalletEntry(string Name, string Address, string Path);
