using EnergyAuction.Chain;
using EnergyAuction.Operator.Oracle;

namespace EnergyAuction.Operator.Tests.Oracle;

/// <summary>The HEMS <c>/readings</c> answer as the oracle job takes it for a batched request.</summary>
public class HemsReadingsTests
{
    [Test]
    public void Takes_each_position_of_the_answer_in_order()
    {
        var answer = HemsReadings.Parse("""
            {"from": 1, "to": 2, "meters": ["M-5", "M-99", "M-4"], "imports": [0, 0, 600], "exports": [700, 0, 0], "read": [true, false, true]}
            """);
        Assert.That(answer.Succeeded, Is.True, answer.Detail);
        Assert.That(answer.Readings!.Select(r => (MeterId.FromBytes32(r.MeterId), (long)r.ImportWh, (long)r.ExportWh, r.Read)),
            Is.EqualTo(new[] { ("M-5", 0L, 700L, true), ("M-99", 0L, 0L, false), ("M-4", 600L, 0L, true) }));
    }

    [TestCase("""{"meters": ["M-1"], "imports": [1, 2], "exports": [1], "read": [true]}""", "differ in length")]
    [TestCase("""{"meters": ["M-1"], "imports": [1], "exports": [1]}""", "no 'read' array")]
    [TestCase("""{"meters": ["not a meter id!"], "imports": [1], "exports": [1], "read": [true]}""", "not a meter id")]
    [TestCase("""{"meters": ["M-1"], "imports": [-1], "exports": [1], "read": [true]}""", "imports[0]")]
    [TestCase("""{"meters": ["M-1"], "imports": [1], "exports": [1.5], "read": [true]}""", "exports[0]")]
    [TestCase("""{"meters": ["M-1"], "imports": [1], "exports": [1], "read": ["yes"]}""", "read[0]")]
    [TestCase("""[1, 2]""", "not a JSON object")]
    [TestCase("""<html>""", "not JSON")]
    public void A_malformed_answer_is_garbage_and_says_why(string json, string reason)
    {
        var answer = HemsReadings.Parse(json);
        Assert.That((answer.Succeeded, answer.Failure), Is.EqualTo((false, (HemsFailure?)HemsFailure.Garbage)));
        Assert.That(answer.Detail, Does.Contain(reason));
    }

    [Test]
    public void Logs_name_the_meters_of_a_batched_request()
    {
        Assert.That(HemsMeters.Of("http://127.0.0.1:5080/readings?from=1&to=2&meters=M-1,M-22,B-3"), Is.EqualTo(new[] { "M-1", "M-22", "B-3" }));
        Assert.That(HemsMeters.Of("http://127.0.0.1:5080/battery-soc/M-7"), Is.Empty);
    }
}
