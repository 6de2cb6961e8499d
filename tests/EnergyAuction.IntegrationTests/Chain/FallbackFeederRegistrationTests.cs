using EnergyAuction.Chain;
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
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
