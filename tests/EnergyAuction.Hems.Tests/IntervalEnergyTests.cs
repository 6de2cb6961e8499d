using System.Text.Json;

namespace EnergyAuction.Hems.Tests;

/// <summary>Each meter's import and export for an interval, for one meter and for many in one request.</summary>
public class IntervalEnergyTests
{
    private const long T = HemsServer.January15 + 1000;

    [Test]
    public async Task One_meter_answers_its_import_and_export_with_value_as_the_import()
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable);
        await hems.PostAsync("/meters/M-3/readings",
            $$"""[{"timestamp": {{T}}, "importWh": 100, "exportWh": 50}, {"timestamp": {{T + 60}}, "importWh": 130, "exportWh": 2050}]""");
        var (status, body) = await hems.GetAsync($"/meters/M-3/energy?from={T}&to={T + 60}");
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body.GetProperty("importWh").GetInt64(), Is.EqualTo(30));
        Assert.That(body.GetProperty("exportWh").GetInt64(), Is.EqualTo(2000));
        Assert.That(body.GetProperty("value").GetInt64(), Is.EqualTo(30));
    }

    [Test]
    public async Task A_meter_with_only_an_import_register_exported_nothing()
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable);
        await hems.PostAsync("/meters/M-3/readings", $$"""[{"timestamp": {{T}}, "importWh": 0}, {"timestamp": {{T + 60}}, "importWh": 10}]""");
        var (_, body) = await hems.GetAsync($"/meters/M-3/energy?from={T}&to={T + 60}");
        Assert.That((body.GetProperty("importWh").GetInt64(), body.GetProperty("exportWh").GetInt64()), Is.EqualTo((10L, 0L)));
    }

    [Test]
    public async Task Many_meters_in_one_request_with_a_per_meter_error_for_an_unknown_one()
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable);
        await hems.PostAsync("/meters/M-4/readings", $$"""[{"timestamp": {{T}}, "importWh": 1000}, {"timestamp": {{T + 100}}, "importWh": 1600}]""");
        await hems.PostAsync("/meters/M-5/readings", $$"""[{"timestamp": {{T}}, "exportWh": 0}, {"timestamp": {{T + 100}}, "exportWh": 700}]""");
        var (status, body) = await hems.GetAsync($"/meters/energy?ids=M-4,M-99,M-5,M-2&from={T}&to={T + 100}");
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body.GetProperty("from").GetInt64(), Is.EqualTo(T));
        Assert.That(body.GetProperty("to").GetInt64(), Is.EqualTo(T + 100));
        var meters = body.GetProperty("meters");
        Assert.That(meters.EnumerateObject().Select(m => m.Name), Is.EqualTo(new[] { "M-4", "M-99", "M-5", "M-2" }), "in the order asked");
        Assert.That(Energy(meters, "M-4"), Is.EqualTo((600L, 0L)));
        Assert.That(Energy(meters, "M-5"), Is.EqualTo((0L, 700L)));
        Assert.That(meters.GetProperty("M-99").GetProperty("error").GetString(), Is.EqualTo("unknown meter"));
        var (_, single) = await hems.GetAsync($"/meters/M-2/energy?from={T}&to={T + 100}");
        Assert.That(Energy(meters, "M-2"), Is.EqualTo((single.GetProperty("importWh").GetInt64(), single.GetProperty("exportWh").GetInt64())),
            "a replayed meter answers as it does alone");
    }

    [Test]
    public async Task Repeated_ids_are_answered_once()
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable);
        var (_, body) = await hems.GetAsync($"/meters/energy?ids=M-1,M-1&ids=M-2&from={T}&to={T + 100}");
        Assert.That(body.GetProperty("meters").EnumerateObject().Select(m => m.Name), Is.EqualTo(new[] { "M-1", "M-2" }));
    }

    [TestCase("from=1&to=2", "ids")]
    [TestCase("ids=&from=1&to=2", "ids")]
    [TestCase("ids=M-1,,M-2&from=1&to=2", "ids")]
    [TestCase("ids=M-1&to=2", "from")]
    [TestCase("ids=M-1&from=3&to=2", "from")]
    [TestCase("ids=M-1&from=1&to=x", "to")]
    [TestCase("ids=M-1&from=1&to=99999999999", "to")]
    public async Task A_malformed_request_is_400_naming_the_parameter(string query, string parameter)
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable);
        var (status, body) = await hems.GetAsync($"/meters/energy?{query}");
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body.GetProperty("parameter").GetString(), Is.EqualTo(parameter));
    }

    [Test]
    public async Task Too_many_meters_in_one_request_is_400_naming_the_cap()
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable);
        var ids = string.Join(',', Enumerable.Range(1, Api.RequestLimits.MaxMetersPerRequest + 1).Select(n => $"M-{n}"));
        var (status, body) = await hems.GetAsync($"/meters/energy?ids={ids}&from=1&to=2");
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body.GetProperty("error").GetString(), Does.Contain($"at most {Api.RequestLimits.MaxMetersPerRequest} meters"));
    }

    [Test]
    public async Task A_long_id_in_a_list_is_400_without_repeating_it()
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable);
        var (status, body) = await hems.GetAsync($"/meters/energy?ids=M-1,{new string('B', 5_000)}&from=1&to=2");
        Assert.That(status, Is.EqualTo(400));
        var error = body.GetProperty("error").GetString()!;
        Assert.That(error, Does.Contain("meter id 2 is longer than"));
        Assert.That(error, Does.Not.Contain("BBB"));
    }

    [Test]
    public async Task Readings_answer_the_v2_oracle_request_in_the_order_asked_with_read_false_for_an_unknown_meter()
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable);
        await hems.PostAsync("/meters/M-4/readings", $$"""[{"timestamp": {{T}}, "importWh": 1000}, {"timestamp": {{T + 100}}, "importWh": 1600}]""");
        await hems.PostAsync("/meters/M-5/readings", $$"""[{"timestamp": {{T}}, "exportWh": 0}, {"timestamp": {{T + 100}}, "exportWh": 700}]""");
        var (status, body) = await hems.GetAsync($"/readings?from={T}&to={T + 100}&meters=M-5,M-99,M-4,M-2");
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body.GetProperty("meters").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(new[] { "M-5", "M-99", "M-4", "M-2" }));
        var (_, m2) = await hems.GetAsync($"/meters/M-2/energy?from={T}&to={T + 100}");
        Assert.That(Longs(body, "imports"), Is.EqualTo(new[] { 0L, 0L, 600L, m2.GetProperty("importWh").GetInt64() }));
        Assert.That(Longs(body, "exports"), Is.EqualTo(new[] { 700L, 0L, 0L, m2.GetProperty("exportWh").GetInt64() }));
        Assert.That(body.GetProperty("read").EnumerateArray().Select(r => r.GetBoolean()), Is.EqualTo(new[] { true, false, true, true }));
        Assert.That((body.GetProperty("from").GetInt64(), body.GetProperty("to").GetInt64()), Is.EqualTo((T, T + 100)));
    }

    [Test]
    public async Task Readings_answer_every_position_asked_so_the_arrays_match_the_request()
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable);
        var (_, body) = await hems.GetAsync($"/readings?from={T}&to={T + 100}&meters=M-1,M-1");
        Assert.That(body.GetProperty("imports").GetArrayLength(), Is.EqualTo(2));
    }

    [TestCase("from=1&to=2", "meters")]
    [TestCase("meters=M-1,&from=1&to=2", "meters")]
    [TestCase("meters=M-1&from=2&to=1", "from")]
    public async Task A_malformed_readings_request_is_400_naming_the_parameter(string query, string parameter)
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable);
        var (status, body) = await hems.GetAsync($"/readings?{query}");
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body.GetProperty("parameter").GetString(), Is.EqualTo(parameter));
    }

    [Test]
    public async Task The_most_meters_a_request_may_name_fit_in_its_url_at_the_contracts_longest_ids()
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable);
        var ids = string.Join(',', Enumerable.Range(1, Api.RequestLimits.MaxMetersPerRequest).Select(n => $"METER-{n:D6}"));
        Assert.That(ids.Split(',')[0], Has.Length.EqualTo(12));
        var (status, body) = await hems.GetAsync($"/readings?from={T}&to={T + 100}&meters={ids}");
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body.GetProperty("read").GetArrayLength(), Is.EqualTo(Api.RequestLimits.MaxMetersPerRequest));
    }

    private static long[] Longs(JsonElement body, string name) => [.. body.GetProperty(name).EnumerateArray().Select(e => e.GetInt64())];

    private static (long Import, long Export) Energy(JsonElement meters, string id) =>
        (meters.GetProperty(id).GetProperty("importWh").GetInt64(), meters.GetProperty(id).GetProperty("exportWh").GetInt64());
}
