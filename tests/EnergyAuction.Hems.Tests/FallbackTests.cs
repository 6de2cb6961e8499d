namespace EnergyAuction.Hems.Tests;

public class FallbackTests
{
    [Test]
    public async Task Absent_data_directory_serves_generated_profiles()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-data-{Guid.NewGuid():N}");
        await using var hems = await HemsServer.StartAsync(new HemsOptions { DataDirectory = missing, Origin = HemsServer.January15 });

        var (_, health) = await hems.GetAsync("/health");
        Assert.That(health.GetProperty("generatedProfiles").GetBoolean(), Is.True);
        var (_, meters) = await hems.GetAsync("/meters");
        Assert.That(meters.GetArrayLength(), Is.EqualTo(55));
        // Generated load of shape 2 at night: 150 + 10 * 2 = 170 W for an hour.
        Assert.That(await hems.ValueAsync($"/meters/M-2/energy?from={HemsServer.January15}&to={HemsServer.January15 + 3600}"), Is.EqualTo(170));
    }

    [Test]
    public async Task Real_data_directory_is_not_reported_as_generated()
    {
        await using var hems = await HemsServer.StartAsync(RealProfiles.Options);
        var (_, health) = await hems.GetAsync("/health");
        Assert.That(health.GetProperty("generatedProfiles").GetBoolean(), Is.False);
    }
}
