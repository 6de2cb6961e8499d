namespace EnergyAuction.Simulation.Tests;

public class DeterminismTests
{
    private static byte[] Json(ScenarioOptions options)
    {
        var scenario = SharedData.Value.Scenario(options);
        using var stream = new MemoryStream();
        ReportJson.Write(new SimulationReport(scenario, SimulationRunner.RunAll(scenario, SharedData.Value.Feeder)), stream);
        return stream.ToArray();
    }

    [Test]
    public void The_same_seed_gives_the_same_report_byte_for_byte()
    {
        var options = Runs.Small(PriceStrategy.Zi) with { Days = 2 };
        Assert.That(Json(options), Is.EqualTo(Json(options)));
    }

    [Test]
    public void Another_seed_gives_another_report()
    {
        var options = Runs.Small(PriceStrategy.Zi);
        Assert.That(Json(options with { Seed = 8 }), Is.Not.EqualTo(Json(options)));
    }
}
