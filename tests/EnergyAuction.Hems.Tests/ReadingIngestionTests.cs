namespace EnergyAuction.Hems.Tests;

public class ReadingIngestionTests
{
    private const long T = HemsServer.January15 + 1000;

    [Test]
    public async Task Ingested_register_decides_the_delivered_energy()
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable);
        var (status, _) = await hems.PostAsync("/meters/M-4/readings",
            $$"""[{"timestamp": {{T}}, "importWh": 1000}, {"timestamp": {{T + 100}}, "importWh": 1600}]""");
        Assert.That(status, Is.EqualTo(200));

        Assert.That(await hems.ValueAsync($"/meters/M-4/energy?from={T}&to={T + 100}"), Is.EqualTo(600));
        Assert.That(await hems.ValueAsync($"/meters/M-4/energy?from={T + 25}&to={T + 75}"), Is.EqualTo(300));
        Assert.That(await hems.ValueAsync($"/meters/M-4/energy?from={T + 1}&to={T + 2}"), Is.EqualTo(6));
        Assert.That(await hems.ValueAsync($"/meters/M-4/energy?from={T - 500}&to={T + 5000}"), Is.EqualTo(600), "flat outside the readings");
    }

    [Test]
    public async Task A_later_reading_extends_the_register()
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable);
        await hems.PostAsync("/meters/M-4/readings", $$"""{"timestamp": {{T}}, "importWh": 0}""");
        await hems.PostAsync("/meters/M-4/readings", $$"""{"timestamp": {{T + 3}}, "importWh": 10}""");
        Assert.That(await hems.ValueAsync($"/meters/M-4/energy?from={T}&to={T + 1}"), Is.EqualTo(3), "10 * 1 / 3 rounded down");
    }

    [Test]
    public async Task Ingested_battery_reading_is_the_sellable_energy()
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable, now: T + 50);
        await hems.PostAsync("/meters/M-3/readings", $$"""[{"timestamp": {{T}}, "batteryWh": 4200}, {"timestamp": {{T + 100}}, "batteryWh": 100}]""");
        Assert.That(await hems.ValueAsync("/battery-soc/M-3"), Is.EqualTo(4200));
        hems.Time.UnixSeconds = T + 100;
        Assert.That(await hems.ValueAsync("/battery-soc/M-3"), Is.EqualTo(100));
    }

    [TestCase("""{"timestamp": 5}""", "importWh, exportWh or batteryWh")]
    [TestCase("""{"importWh": 5}""", "timestamp")]
    [TestCase("""{"timestamp": 5, "importWh": -1}""", "importWh")]
    [TestCase("""{"timestamp": 5, "exportWh": -1}""", "exportWh")]
    [TestCase("""{"timestamp": 5, "importWh": 1.5}""", "body")]
    [TestCase("""not json""", "body")]
    [TestCase("""null""", "body")]
    [TestCase("""[{"timestamp": 5, "importWh": 1}, null]""", "body")]
    [TestCase("""[]""", "body")]
    [TestCase("""[{"timestamp": 5, "importWh": 9}, {"timestamp": 6, "importWh": 8}]""", "importWh")]
    [TestCase("""[{"timestamp": 5, "exportWh": 9}, {"timestamp": 6, "exportWh": 8}]""", "exportWh")]
    [TestCase("""[{"timestamp": 5, "importWh": 9}, {"timestamp": 6, "batteryWh": 99000}]""", "batteryWh")]
    public async Task Bad_readings_are_400_and_change_nothing(string json, string parameter)
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable);
        var before = await hems.ValueAsync($"/meters/M-2/energy?from={HemsServer.January15}&to={HemsServer.January15 + 3600}");
        var (status, body) = await hems.PostAsync("/meters/M-2/readings", json);
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body.GetProperty("parameter").GetString(), Is.EqualTo(parameter));
        Assert.That(await hems.ValueAsync($"/meters/M-2/energy?from={HemsServer.January15}&to={HemsServer.January15 + 3600}"), Is.EqualTo(before));
    }

    [Test]
    public async Task Readings_for_an_unknown_meter_are_404()
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable);
        var (status, _) = await hems.PostAsync("/meters/M-99/readings", """{"timestamp": 5, "importWh": 1}""");
        Assert.That(status, Is.EqualTo(404));
    }
}
