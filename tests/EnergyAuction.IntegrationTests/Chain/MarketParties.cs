using EnergyAuction.Chain;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Devnet;

namespace EnergyAuction.IntegrationTests.Chain;

/// <summary>Who trades in the Chain fixtures: a seller on meter S-1 (bus 1), buyers on B-1 (bus 4, 450 m away) and B-2 (bus 5, 800 m),
/// the DSO that collects grid fees (the fixtures make it the market's fee recipient); the node's account 0 is admin,
/// operator and oracle node, and the dev registrar registers the meters.</summary>
internal sealed record MarketParties(AccountKey Seller, AccountKey Buyer1, AccountKey Buyer2, AccountKey Dso)
{
    public static MarketParties Of(DevChainNode node) => new(node.Accounts[1], node.Accounts[2], node.Accounts[3], node.Accounts[4]);

    /// <summary>The registrar registers the three meters to their owners, each owner grants EnergyTrade access, and
    /// the registrar records the seller's distances to the buyers.</summary>
    public async Task RegisterMetersAsync(MarketClient admin)
    {
        using var registrar = admin.As(HardhatAccounts.Registrar);
        foreach (var (key, meter, bus) in new[] { (Seller, "S-1", 1u), (Buyer1, "B-1", 4u), (Buyer2, "B-2", 5u) })
        {
            await registrar.DataAccess.RegisterMeterAsync(meter, key.Address, bus);
            await admin.As(key).DataAccess.GrantAccessAsync(meter, admin.Deployment.EnergyTrade);
        }
        // The feeder registry: S-1 is 450 m from B-1 and 800 m from B-2 (what ValidatedWindowRun posts).
        await registrar.DataAccess.RecordDistancesAsync([(1u, 4u, 450u), (1u, 5u, 800u)]);
    }
}
