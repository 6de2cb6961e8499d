namespace EnergyAuction.Market.Feeder;

/// <summary>
/// A small generated radial feeder for when the data directory is absent: a 10-bus trunk with
/// 25 m sections from bus "1", each trunk bus feeding two load buses 10 m and 15 m away
/// (LOAD1..LOAD20).
/// </summary>
public static class FallbackFeeder
{
    public const int TrunkBuses = 10;

    public static FeederTopology Create()
    {
        var lines = new List<FeederLine>();
        var loads = new List<FeederLoad>();
        for (var t = 1; t <= TrunkBuses; t++)
        {
            var trunk = t.ToString();
            if (t > 1)
                lines.Add(new FeederLine($"TRUNK{t - 1}", (t - 1).ToString(), trunk, 25 * Micrometres.PerMetre));
            for (var side = 0; side < 2; side++)
            {
                var load = 2 * (t - 1) + side + 1;
                var bus = $"L{load}";
                lines.Add(new FeederLine($"SERVICE{load}", trunk, bus, (10 + 5 * side) * Micrometres.PerMetre));
                loads.Add(new FeederLoad($"LOAD{load}", bus));
            }
        }

        return new FeederTopology(lines, loads);
    }
}
