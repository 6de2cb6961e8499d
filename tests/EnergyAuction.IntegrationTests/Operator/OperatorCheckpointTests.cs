using EnergyAuction.Chain;
using EnergyAuction.Chain.Crypto;
using static EnergyAuction.IntegrationTests.Operator.OperatorMarket;

namespace EnergyAuction.IntegrationTests.Operator;

/// <summary>
/// The oracle checkpoint belongs to one chain and deployment: one left behind by another (a reset node, a new
/// deployment) is set aside with one log line, and the oracle job starts from this deployment's block.
/// </summary>
[NonParallelizable]
public sealed class OperatorCheckpointTests : OperatorMarketFixture
{
    [Test]
    public async Task A_checkpoint_of_another_chain_and_deployment_does_not_skip_this_ones_offers()
    {
        // As a daemon of a chain that has since been reset would leave it: far ahead of this chain's blocks.
        var checkpoint = Path.Combine(Market.Dir, "old-chain-checkpoint.json");
        var ahead = await Market.Node.Rpc.BlockNumberAsync() + 1_000;
        var oldDeployment = AccountKey.GenerateNew().Address.ToLowerInvariant();
        await File.WriteAllTextAsync(checkpoint, $$"""
            {"lastProcessedBlock": {{ahead}}, "fulfilledRequests": [], "chainId": 31337, "genesisHash": "0x{{new string('1', 64)}}", "deployment": "{{oldDeployment}}"}
            """);

        var dso = AccountKey.GenerateNew().Address;
        var seller = await Market.ProsumerAsync("M-11");
        await Market.SetBatteryAsync("M-11", 4_000);
        var (windowId, _) = await Market.OpenWindowAsync(dso);
        var log = new DaemonLog();
        var daemon = await StartDaemonAsync(Market.DaemonOptions(checkpoint), log);
        try
        {
            var (offer, _) = await seller.Trade.SubmitOfferAsync(windowId, "M-11", 3_000, 100 * Gwei);
            await EventuallyAsync(async () => (await Market.Admin.Trade.GetOrderAsync(offer)).Status == OrderStatus.Valid,
                "the oracle job to validate the offer despite the old checkpoint", log: log);
        }
        finally
        {
            await StopDaemonAsync(daemon);
        }

        var setAside = log.Lines.Where(l => l.Contains("belongs to chain 31337")).ToList();
        Assert.That(setAside, Has.Count.EqualTo(1), "logged once");
        Assert.That(setAside[0], Does.Contain($"deployment {oldDeployment}").And.Contain($"starting from the deployment block {Market.Deployment.Block}"));
        var rewritten = await File.ReadAllTextAsync(checkpoint);
        Assert.That(rewritten, Does.Contain(Market.Deployment.EnergyTrade.ToLowerInvariant()), "the checkpoint now names this deployment");
    }
}
