using EnergyAuction.Chain.Crypto;
using EnergyAuction.Operator;
using EnergyAuction.Operator.Windows;
using Microsoft.Extensions.DependencyInjection;

namespace EnergyAuction.IntegrationTests.Operator;

/// <summary>The daemon's services share one snapshot of the active windows per block instead of each reading every window.</summary>
[NonParallelizable]
public sealed class OperatorWindowSnapshotTests : OperatorMarketFixture
{
    [Test]
    public async Task Services_polling_at_one_block_share_a_snapshot_and_a_new_block_reads_afresh()
    {
        var dso = AccountKey.GenerateNew().Address;
        await Market.OpenWindowAsync(dso);
        await using var app = OperatorApp.Build(Market.DaemonOptions(await Market.FreshCheckpointAsync()));
        var windows = app.Services.GetRequiredService<ActiveWindows>();

        var reads = await Task.WhenAll(windows.ReadAsync(), windows.ReadAsync(), windows.ReadAsync(), windows.ReadAsync());
        Assert.That(reads.Distinct(), Has.Exactly(1).Items, "four services at one block: one read");
        Assert.That(reads[0], Has.Count.EqualTo(1));

        var (second, _) = await Market.OpenWindowAsync(dso);
        var afterTransaction = await windows.ReadAsync();
        Assert.That(afterTransaction, Is.Not.SameAs(reads[0]));
        Assert.That(afterTransaction.Select(w => w.Id), Does.Contain(second), "the new block's state, not the shared snapshot");
    }
}
