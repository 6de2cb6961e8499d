using EnergyAuction.Hems.Households;
using EnergyAuction.Market.Feeder;

namespace EnergyAuction.Demo;

/// <summary>One household of the demo: meter M-k on feeder load LOADk's bus; prosumers have PV and a battery and sell,
/// consumers buy.</summary>
public sealed record DemoHousehold(Household Config, uint Bus)
{
    public string Meter => Config.Meter;

    public bool IsProsumer => Config.BatteryCapacityWh > 0;

    /// <summary>The household's wallet name in the keystore folder.</summary>
    public string Wallet => "home-" + Meter;
}

/// <summary>
/// The demo's households, taken from the HEMS's own household configuration: M-k on load LOADk (its bus from the
/// IEEE feeder's loads.csv), every odd-numbered one a prosumer. Past the feeder's 55 loads, meters reuse the loads in turn.
/// </summary>
public static class FeederHouseholds
{
    public static IReadOnlyList<DemoHousehold> Create(int count, FeederTopology feeder, bool fallbackFeeder)
    {
        var configs = HouseholdsFile.Default(Hems.Profiles.ProfileData.FeederLoadCount);
        return [.. Enumerable.Range(1, count).Select(k =>
        {
            var config = configs[(k - 1) % configs.Count] with { Meter = $"M-{k}" };
            return new DemoHousehold(config, Bus(config.Load, feeder, fallbackFeeder));
        })];
    }

    /// <summary>The on-chain bus number: the IEEE load's bus; on the generated fallback feeder, the trunk bus the load hangs off.</summary>
    private static uint Bus(int load, FeederTopology feeder, bool fallbackFeeder) =>
        fallbackFeeder
            ? (uint)((load - 1) / 2 % FallbackFeeder.TrunkBuses + 1)
            : uint.Parse(feeder.LoadBus[$"LOAD{load}"], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The households as the HEMS's --households file.</summary>
    public static void WriteHemsFile(IEnumerable<DemoHousehold> households, string path) =>
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(households.Select(h => h.Config),
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));
}
