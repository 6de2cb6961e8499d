using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Operator.Options;
using EnergyAuction.Operator.Windows;

namespace EnergyAuction.Operator.Tests.Windows;

public class WindowScheduleTests
{
    private static WindowInfo OpenedAt(ulong openedAt, uint bidding) =>
        new(WindowParams.ForTests() with { BiddingDuration = bidding },
            WindowPhase.BiddingOffering, openedAt + bidding, 0, 0, 0, 0, 0, 0, 0, [], 0);

    [Test]
    public void Windows_open_every_configured_interval_of_chain_time_from_the_newest_opening()
    {
        Assert.That(WindowSchedule.IsDue(0, null, 1_000), Is.False, "0 opens none");
        Assert.That(WindowSchedule.IsDue(900, null, 1_000), Is.True, "the first window at once");
        Assert.That(WindowSchedule.IsDue(900, OpenedAt(1_000, 60), 1_899), Is.False);
        Assert.That(WindowSchedule.IsDue(900, OpenedAt(1_000, 60), 1_900), Is.True);
    }

    [Test]
    public void Window_parameters_come_from_the_options()
    {
        var options = new WindowOptions { BiddingSeconds = 30, Mechanism = "uniform",
            ReferencePrice = "123456789012345678901234567890", ValidateOffers = false };
        var p = WindowSchedule.ParamsFor(options, 318);
        Assert.That((p.BiddingDuration, p.MatchingDuration, p.Mechanism, p.ValidateOffers), Is.EqualTo((30u, 120u, Mechanism.Uniform, false)));
        Assert.That(p.MaxDistanceM, Is.EqualTo(318u));
        Assert.That(p.ReferencePrice, Is.EqualTo(BigInteger.Parse("123456789012345678901234567890")));
    }
}
