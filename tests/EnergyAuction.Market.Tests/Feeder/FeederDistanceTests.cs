using EnergyAuction.Market.Feeder;
using EnergyAuction.Data.Feeder;

namespace EnergyAuction.Market.Tests.Feeder;

public class FeederDistanceTests
{
    private string _scratch = null!;

    [SetUp]
    public void CreateScratchFolder() => _scratch = Directory.CreateTempSubdirectory("feeder-tests-").FullName;

    [TearDown]
    public void RemoveScratchFolder() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public void IeeeFeederDistancesMatchHandComputedPaths()
    {
        var feeder = FeederFiles.LoadDirectory(TestData.IeeeFeeder);
        var distances = feeder.Distances();
        string Bus(string load) => feeder.LoadBus[load];

        // LOAD10 (bus 248) and LOAD11 (bus 249) hang off bus 247: LINE247 5.3022 + LINE248 5.3022.
        Assert.That(distances.Micrometres(Bus("LOAD10"), Bus("LOAD11")), Is.EqualTo(10_604_400));
        Assert.That(distances.Metres(Bus("LOAD10"), Bus("LOAD11")), Is.EqualTo(11));
        // LOAD1 (bus 34) to LOAD2 (bus 47) meet at bus 8: LINE33 3.7248 + LINE29 1.6265 + LINE26 5.9049
        // + LINE46 4.3463 + LINE40 1.8063 + LINE35 5.7265 + LINE31 2.6538 + LINE27 9.9686 = 35.7577 m.
        Assert.That(distances.Micrometres(Bus("LOAD1"), Bus("LOAD2")), Is.EqualTo(35_757_700));
        Assert.That(distances.Metres(Bus("LOAD1"), Bus("LOAD2")), Is.EqualTo(36));
        // LOAD1 to the transformer's LV bus 1: the 22 lines LINE1..LINE33 on its path, 33.119541 m.
        Assert.That(distances.Micrometres(Bus("LOAD1"), "1"), Is.EqualTo(33_119_541));
        Assert.That(distances.Metres(Bus("LOAD1"), Bus("LOAD55")), Is.EqualTo(267));
        Assert.That(distances.Metres(Bus("LOAD7"), Bus("LOAD7")), Is.Zero);
    }

    [Test]
    public void IeeeFeederHasItsLoadsAndLines()
    {
        var feeder = FeederFiles.LoadDirectory(TestData.IeeeFeeder);

        Assert.That(feeder.Lines, Has.Count.EqualTo(905));
        Assert.That(feeder.Buses, Has.Count.EqualTo(906));
        Assert.That(feeder.Loads, Has.Count.EqualTo(55));
        Assert.That(feeder.LoadBus["LOAD1"], Is.EqualTo("34"));
        Assert.That(feeder.Lines.Sum(l => l.LengthMicrometres), Is.EqualTo(1_431_514_623), "SOURCE.md: 1431.5 m in total (rounded)");
    }

    [Test]
    public void DistancesAreSymmetricAndObeyTheTriangleInequality()
    {
        var feeder = FeederFiles.LoadDirectory(TestData.IeeeFeeder);
        var distances = feeder.Distances();
        var buses = feeder.Loads.Select(l => l.Bus).ToArray();
        foreach (var a in buses.Take(12))
        foreach (var b in buses.Skip(20).Take(12))
        {
            Assert.That(distances.Micrometres(a, b), Is.EqualTo(distances.Micrometres(b, a)));
            Assert.That(distances.Micrometres(a, b), Is.LessThanOrEqualTo(distances.Micrometres(a, "1") + distances.Micrometres("1", b)));
        }
    }

    [Test]
    public void ACycleIsAnErrorNamingTheLine()
    {
        var csv = WriteLines("A,1,2,1.5", "B,2,3,2", "C,3,1,4");

        Assert.That(() => FeederFiles.LoadCsv(csv), Throws.TypeOf<FeederException>().With.Message.Contains("line C").And.Message.Contains("cycle"));
    }

    [Test]
    public void ADisconnectedLineIsAnErrorNamingIt()
    {
        var csv = WriteLines("A,1,2,1.5", "B,2,3,2", "ISLAND,7,8,4");

        Assert.That(() => FeederFiles.LoadCsv(csv), Throws.TypeOf<FeederException>().With.Message.Contains("line ISLAND").And.Message.Contains("not connected"));
    }

    [Test]
    public void ALengthThatIsNotADecimalIsAnErrorNamingTheLine()
    {
        var csv = WriteLines("A,1,2,1.5", "B,2,3,two");

        Assert.That(() => FeederFiles.LoadCsv(csv), Throws.TypeOf<FeederException>().With.Message.Contains("of B"));
    }

    [Test]
    public void AnyFileOfTheSameFormLoads()
    {
        var distances = FeederFiles.LoadCsv(WriteLines("A,1,2,1.5", "B,2,3,2.25", "C,2,4,0.000001")).Distances();

        Assert.That(distances.Micrometres("3", "4"), Is.EqualTo(2_250_001));
        Assert.That(distances.Metres("1", "3"), Is.EqualTo(4), "3.75 m rounds half up");
        Assert.That(() => distances.Metres("1", "9"), Throws.TypeOf<FeederException>().With.Message.Contains("bus 9"));
    }

    [Test]
    public void TheFallbackFeederIsRadialWithTwentyLoads()
    {
        var feeder = FallbackFeeder.Create();
        var distances = feeder.Distances();

        Assert.That(feeder.Loads, Has.Count.EqualTo(20));
        // LOAD1 (10 m off trunk bus 1) to LOAD20 (15 m off trunk bus 10, 9 sections of 25 m away).
        Assert.That(distances.Metres(feeder.LoadBus["LOAD1"], feeder.LoadBus["LOAD20"]), Is.EqualTo(10 + 9 * 25 + 15));
        Assert.That(FeederFiles.LoadOrFallback(Path.Combine(Path.GetTempPath(), "no-such-data-dir")).Loads, Has.Count.EqualTo(20));
    }

    private string WriteLines(params string[] rows)
    {
        var path = Path.Combine(_scratch, "lines.csv");
        File.WriteAllLines(path, ["name,bus1,bus2,length_m", .. rows]);
        return path;
    }
}
