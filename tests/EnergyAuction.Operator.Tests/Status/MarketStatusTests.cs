using EnergyAuction.Operator.Status;

namespace EnergyAuction.Operator.Tests.Status;

/// <summary>/status's "since" is when the window's phase began on the chain, not when this daemon (perhaps just
/// restarted) first saw it.</summary>
public sealed class MarketStatusTests
{
    private static readonly DateTimeOffset PhaseBegan = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Restarted = PhaseBegan.AddMinutes(7);
    private static readonly WindowDeadlines Deadlines = new(PhaseBegan.AddMinutes(10), PhaseBegan.AddMinutes(12), PhaseBegan.AddMinutes(72), PhaseBegan.AddMinutes(75));

    [Test]
    public void A_window_seen_after_a_restart_is_in_its_phase_since_the_chain_time_the_phase_began()
    {
        var status = new MarketStatus(new FixedTime(Restarted));

        status.WindowSeen(1, WindowPhase.BiddingOffering, PhaseBegan, 3, Deadlines);

        var window = status.Snapshot().Windows.Single();
        Assert.That(window.Since, Is.EqualTo(PhaseBegan));
        Assert.That(window.Deadlines, Is.EqualTo(Deadlines));
    }

    [Test]
    public void Later_readings_of_the_same_phase_keep_its_start()
    {
        var status = new MarketStatus(new FixedTime(Restarted));
        status.WindowSeen(1, WindowPhase.BiddingOffering, PhaseBegan, 3, Deadlines);

        status.WindowSeen(1, WindowPhase.BiddingOffering, null, 4, Deadlines);

        var window = status.Snapshot().Windows.Single();
        Assert.That((window.Since, window.Orders), Is.EqualTo((PhaseBegan, 4UL)));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
