using EnergyAuction.Operator.Clearing;
using EnergyAuction.Operator.Options;

namespace EnergyAuction.Operator.Tests.Clearing;

public class FeederSourceTests
{
    private static OperatorOptions On(string? feederDirectory, long? maxDistance) =>
        new() { FeederDirectory = feederDirectory, Window = new WindowOptions { MaxDistanceMetres = maxDistance } };

    [Test]
    public void Without_a_configured_L_windows_reach_across_the_ieee_feeder()
    {
        var log = new ListLogger<FeederSourceTests>();
        var feeder = FeederSource.Load(On(null, null), log);
        Assert.That(feeder.LoadSpanMetres, Is.EqualTo(318));
        Assert.That(feeder.MaxDistanceMetres(new WindowOptions()), Is.EqualTo(318));
        Assert.That(log.Lines, Has.Some.Contains("windows get L = 318 m"));
    }

    [Test]
    public void A_configured_L_that_cuts_households_off_is_warned_about_once()
    {
        var log = new ListLogger<FeederSourceTests>();
        var feeder = FeederSource.Load(On(null, 200), log);
        Assert.That(feeder.MaxDistanceMetres(new WindowOptions { MaxDistanceMetres = 200 }), Is.EqualTo(200));
        Assert.That(log.Lines.Count(l => l.StartsWith("Warning:") && l.Contains("200 m is shorter than the 318 m")), Is.EqualTo(1));
    }

    [Test]
    public void A_configured_L_that_reaches_every_household_is_not_warned_about()
    {
        var log = new ListLogger<FeederSourceTests>();
        FeederSource.Load(On(null, 318), log);
        Assert.That(log.Lines, Has.None.StartsWith("Warning:"));
    }

    [Test]
    public void The_fallback_feeder_spans_its_own_loads()
    {
        var empty = Directory.CreateTempSubdirectory("no-feeder-").FullName;
        try
        {
            // Farthest loads: L2 (15 m off bus 1) and L20 (15 m off bus 10, 9 x 25 m down the trunk).
            Assert.That(FeederSource.Load(On(empty, null), new ListLogger<FeederSourceTests>()).LoadSpanMetres, Is.EqualTo(15 + 225 + 15));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
