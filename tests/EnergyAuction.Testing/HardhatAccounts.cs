using EnergyAuction.Chain.Crypto;

namespace EnergyAuction.Testing;

/// <summary>The 20 accounts every Hardhat node funds (<see cref="Devnet.HardhatAccounts"/>). Public test keys only.</summary>
public static class HardhatAccounts
{
    public static IReadOnlyList<string> PrivateKeys => Devnet.HardhatAccounts.PrivateKeys;

    public static IReadOnlyList<AccountKey> Keys => Devnet.HardhatAccounts.Keys;
}
