using System.Globalization;
using EnergyAuction.Chain;
using EnergyAuction.Data.Feeder;

namespace EnergyAuction.Devnet;

/// <summary>What the Devnet's DSO records in the feeder registry (DataAccess.recordDistances): the distance between every
/// pair of load buses of the IEEE LV feeder the market serves (55 load buses, 1,485 pairs, as the market engine's
/// feeder computes them), so every pair of households has its distance on chain. The generated fallback feeder names
/// its buses in letters, which no meter registration can name, so without the IEEE feeder nothing is recorded.</summary>
public static class FeederRegistration
{
    /// <summary>Every pair of distinct load buses of the feeder in <paramref name="feederDirectory"/> with its distance in
    /// metres, lower bus first; empty when the folder holds no IEEE feeder.</summary>
    public static IReadOnlyList<(uint BusA, uint BusB, uint Metres)> LoadBusDistances(string feederDirectory)
    {
        if (!File.Exists(Path.Combine(feederDirectory, "lines.csv"))) return [];
        var feeder = FeederFiles.LoadDirectory(feederDirectory);
        var distances = feeder.Distances();
        var buses = feeder.LoadBus.Values.Distinct(StringComparer.Ordinal)
            .Select(b => (Name: b, Number: uint.Parse(b, CultureInfo.InvariantCulture))).OrderBy(b => b.Number).ToList();
        var pairs = new List<(uint, uint, uint)>();
        for (var i = 0; i < buses.Count; i++)
            for (var j = i + 1; j < buses.Count; j++)
                pairs.Add((buses[i].Number, buses[j].Number, checked((uint)distances.Metres(buses[i].Name, buses[j].Name))));
        return pairs;
    }

    /// <summary>Records <see cref="LoadBusDistances"/> of the shared data directory's feeder with the dev registrar's key.</summary>
    public static async Task RecordAsync(DevChainNode node, MarketDeploymentRecord deployment)
    {
        var distances = LoadBusDistances(Data.SharedDataDirectory.FeederDirectory(RepoPaths.SharedDataDir));
        if (distances.Count == 0) return;
        using var registrar = new MarketClient(node.Rpc, deployment, HardhatAccounts.Registrar);
        await registrar.DataAccess.RecordDistancesAsync(distances).ConfigureAwait(false);
    }
}
