using EnergyAuction.Chain;
using EnergyAuction.Clearing;
using EnergyAuction.Devnet;

namespace EnergyAuction.IntegrationTests.Chain;

/// <summary>A Devnet market whose data directory has no IEEE feeder (the demo's fallback run): the dev registrar records
/// the fallback feeder's trunk buses 1..10, where the demo registers its meters, so the daemon's matches between them
/// find their distances in the registry.</summary>
[NonParallelizable]
public sealed class FallbackFeederRegistrationTests
{
    [Test]
    public async Task Without_the_ieee_feeder_the_registry_holds_the_fallback_trunk_bus_distances()
    {
        var empty = Directory.CreateTempSubdirectory("no-shared-data-").FullName;
        await using var node = await HardhatNode.StartAsync();
        try
        {
            var deployment = MarketDeploymentRecord.Load(await MarketDeployment.DeployAsync(node, dataDirectory: empty));
            using var market = new MarketClient(node.Rpc, deployment);

            Assert.That(await market.DataAccess.DistanceBetweenAsync(1, 2), Is.EqualTo(25UL), "one 25 m trunk section");
            Assert.That(await market.DataAccess.DistanceBetweenAsync(10, 1), Is.EqualTo(225UL), "nine sections");
            Assert.That(await market.DataAccess.DistanceBetweenAsync(178, 208), Is.Null, "no IEEE load bus is recorded");

            // What the daemon's start-up check reports: the fallback feeder's registry is complete, the IEEE feeder's empty.
            Assert.That(await RegistryGap.OfAsync(market.DataAccess, RegistryDistances.Of(empty)), Is.EqualTo(new RegistryGap(45, 0, 0)));
            using (var registrar = market.As(HardhatAccounts.Registrar))
                await registrar.DataAccess.RecordDistancesAsync([(2u, 1u, 26u)]);
            Assert.That(await RegistryGap.OfAsync(market.DataAccess, RegistryDistances.Of(empty)), Is.EqualTo(new RegistryGap(45, 0, 1)), "one figure changed");
            var ieee = Data.SharedDataDirectory.FeederDirectory(RepoPaths.SharedDataDir);
            if (File.Exists(Path.Combine(ieee, "lines.csv")))
                Assert.That(await RegistryGap.OfAsync(market.DataAccess, RegistryDistances.Of(ieee)), Is.EqualTo(new RegistryGap(1_485, 1_485, 0)));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
