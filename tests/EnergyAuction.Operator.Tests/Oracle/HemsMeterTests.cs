using EnergyAuction.Operator.Clearing;
using EnergyAuction.Operator.Oracle;

namespace EnergyAuction.Operator.Tests.Oracle;

public class HemsMeterTests
{
    [TestCase("http://127.0.0.1:5080/battery-soc/M-7", "M-7")]
    [TestCase("http://127.0.0.1:5080/meters/M-12/energy?from=1&to=2", "M-12")]
    [TestCase("http://127.0.0.1:5080/other", "http://127.0.0.1:5080/other")]
    public void Logs_name_the_meter_a_reading_is_for(string url, string meter) => Assert.That(HemsMeter.Of(url), Is.EqualTo(meter));

    [Test]
    public void Prices_are_shown_in_gwei_per_kWh()
    {
        Assert.That(GweiText.PerKwh(54_000_000_000_000), Is.EqualTo("54,000 gwei/kWh"));
        Assert.That(GweiText.PerKwh(16_500), Is.EqualTo("16,500 wei/kWh"));
    }
}
