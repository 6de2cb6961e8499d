using EnergyAuction.Market.Feeder;
using EnergyAuction.Data;

namespace EnergyAuction.Clearing.Tests;

public class ClearingFeederTests
{
    [Test]
    public void Without_lines_csv_the_engine_fallback_feeder_is_used()
    {
        var feeder = ClearingFeeder.Load(Path.Combine(Path.GetTempPath(), "no-such-feeder-" + Guid.NewGuid()));
        Assert.That(feeder.IsFallback, Is.True);
        Assert.That(feeder.Distances.Metres("1", "2"), Is.EqualTo(FallbackFeeder.Create().Distances().Metres("1", "2")));
    }

    [Test]
    public void The_real_IEEE_feeder_is_loaded_from_the_shared_data()
    {
        var directory = SharedDataDirectory.FeederDirectory(SharedDataDirectory.Resolve(null));
        var feeder = ClearingFeeder.Load(directory);
        Assert.That((feeder.IsFallback, feeder.Directory), Is.EqualTo((false, directory)));
        Assert.That(feeder.Buses, Is.GreaterThan(100), "the IEEE European LV feeder has hundreds of buses");
    }

    [Test]
    public void A_broken_feeder_file_is_an_error_not_the_fallback()
    {
        var directory = Directory.CreateTempSubdirectory("broken-feeder-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "lines.csv"), "");
            Assert.That(() => ClearingFeeder.Load(directory), Throws.TypeOf<FeederException>());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
