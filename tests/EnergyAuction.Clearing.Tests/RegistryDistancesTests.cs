using EnergyAuction.Chain;
using EnergyAuction.Data;
using static EnergyAuction.Clearing.Tests.Orders;

namespace EnergyAuction.Clearing.Tests;

/// <summary>The registry must hold the figure the daemon's pairing posts for every two buses a meter can sit on, or
/// postClearing refuses the match.</summary>
public class RegistryDistancesTests
{
    [Test]
    public void Without_the_ieee_feeder_the_fallback_trunk_buses_are_recorded_with_the_pairings_distances()
    {
        var folder = Path.Combine(Path.GetTempPath(), "no-such-feeder-" + Guid.NewGuid());
        var registry = RegistryDistances.Of(folder);
        var recorded = registry.Pairs.ToDictionary(p => (p.BusA, p.BusB), p => (ulong)p.Metres);

        // The thesis book trades on trunk buses 1..10, as the demo's households do on the fallback feeder.
        var plan = WindowClearing.Compute(WindowParams.ForTests() with { GridCharge = 1 }, ThesisBook(), ClearingFeeder.Load(folder).Distances, 255);
        var busOf = ThesisBook().ToDictionary(o => o.OrderId, o => o.Bus);

        Assert.That(registry.IsFallback, Is.True);
        Assert.That(registry.Buses, Is.EqualTo(Enumerable.Range(1, 10).Select(b => (uint)b)));
        Assert.That(registry.Pairs, Has.Count.EqualTo(45), "every two trunk buses once");
        Assert.That(recorded[(1, 10)], Is.EqualTo(225UL), "nine 25 m trunk sections");
        Assert.That(plan.Matches, Is.Not.Empty);
        foreach (var m in plan.Matches)
        {
            var (a, b) = (Math.Min(busOf[m.OfferId], busOf[m.BidId]), Math.Max(busOf[m.OfferId], busOf[m.BidId]));
            Assert.That(a == b ? 0UL : recorded[(a, b)], Is.EqualTo((ulong)m.DistanceM), $"offer {m.OfferId} -> bid {m.BidId}, buses {a} and {b}");
        }
    }

    [Test]
    public void The_ieee_feeder_records_every_two_of_its_55_load_buses()
    {
        var folder = SharedDataDirectory.FeederDirectory(SharedDataDirectory.Resolve(null));
        Assume.That(File.Exists(Path.Combine(folder, "lines.csv")), $"needs the IEEE feeder in {folder}");

        var registry = RegistryDistances.Of(folder);

        Assert.That((registry.IsFallback, registry.Buses.Count, registry.Pairs.Count), Is.EqualTo((false, 55, 1_485)));
        Assert.That(registry.Pairs, Has.Some.EqualTo((178u, 208u, 50u)), "M-7 and M-8 of the README's household guide");
        Assert.That(registry.Pairs.All(p => p.BusA < p.BusB), "lower bus first");
    }
}
