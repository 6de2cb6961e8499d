namespace EnergyAuction.Cli.Tests;

public class DurationsTests
{
    [TestCase("600", 600u)]
    [TestCase("90s", 90u)]
    [TestCase("10m", 600u)]
    [TestCase("1h", 3600u)]
    [TestCase("2d", 172_800u)]
    public void DurationsAreSecondsOrCarryAUnit(string text, uint seconds) =>
        Assert.That(Durations.ParseSeconds(text), Is.EqualTo(seconds));

    [TestCase("0")]
    [TestCase("1.5m")]
    [TestCase("10 minutes")]
    [TestCase("-5")]
    public void OtherDurationsAreRefusedWithAnExample(string text) =>
        Assert.That(() => Durations.ParseSeconds(text), Throws.TypeOf<FormatException>().With.Message.Contains(text));

    [Test]
    public void CountdownsReadLikeDurations() =>
        Assert.That(new[] { Durations.Format(3640), Durations.Format(3725), Durations.Format(600), Durations.Format(45), Durations.Format(0) },
            Is.EqualTo(new[] { "1h 0m 40s", "1h 2m 5s", "10m 0s", "45s", "0s" }));
}
