using EnergyAuction.Hems.Profiles;
using EnergyAuction.Data.Profiles;

namespace EnergyAuction.Hems.Tests;

public class KilowattTextTests
{
    [TestCase("0.482", 482)]
    [TestCase("0.48200000000000004", 482)]
    [TestCase("0.48199999999999998", 482)]
    [TestCase("0.0005", 1)]
    [TestCase("0.0004999", 0)]
    [TestCase("1", 1000)]
    [TestCase("14.7", 14700)]
    [TestCase("0.0", 0)]
    public void Parses_kilowatts_to_whole_watts_without_floating_point(string text, long watts) =>
        Assert.That(KilowattText.ToWatts(text), Is.EqualTo(watts));

    [TestCase("-1")]
    [TestCase("1e3")]
    [TestCase("")]
    [TestCase(".5")]
    public void Rejects_text_that_is_not_a_plain_decimal(string text) =>
        Assert.Throws<FormatException>(() => KilowattText.ToWatts(text));
}
