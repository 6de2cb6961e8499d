namespace EnergyAuction.Simulation.Tests;

public class ForecastTests
{
    private static IEnumerable<MechanismTotals> Totals(ForecastKind forecast) =>
        Runs.AllKept(Runs.Small() with { Forecast = forecast }).Select(MechanismTotals.Of).Where(t => t.Mechanism != "grid-only");

    [Test]
    public void Perfect_forecasts_deliver_every_match_so_nobody_pays_a_penalty() =>
        Assert.That(Totals(ForecastKind.Perfect).Select(t => t.Penalties), Is.All.EqualTo(System.Numerics.BigInteger.Zero));

    [Test]
    public void Noisy_forecasts_miss_matches_and_cost_penalties() =>
        Assert.That(Totals(ForecastKind.Noisy).Select(t => t.Penalties), Is.All.Positive);
}
