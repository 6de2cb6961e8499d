using System.Numerics;
using EnergyAuction.Market.Pairing;
using EnergyAuction.Market.Settlement.BothSides;

namespace EnergyAuction.Market.Tests.Settlement.BothSides;

/// <summary>
/// Seeded random cleared windows for settlement: feasible matches (d &lt;= L, C_d * d &lt;= 2000 * p0, P_b &gt;= p0),
/// allocations equal to the matches, unmatched orders, and readings that are missing, zero, short, exact or above.
/// </summary>
public sealed class RandomSettlementWindows(int seed)
{
    private readonly Random _random = new(seed);

    public Random Random => _random;

    public WindowToSettle Next()
    {
        var huge = _random.Next(10) == 0;
        var p0 = huge ? (BigInteger.One << 200) + _random.Next(1000) : 1 + _random.Next(100_000);
        var gridCharge = _random.Next(4) == 0 ? BigInteger.Zero : _random.Next(1, 2000);
        var maxDistance = _random.Next(1, 600);
        var parameters = new SettlementParameters(gridCharge, maxDistance, _random.Next(3) == 0 ? 0 : _random.Next(1, 200_000), _random.Next(3) == 0 ? 0 : _random.Next(1, 10_000));
        var longest = gridCharge.IsZero ? maxDistance : (long)BigInteger.Min(maxDistance, 2000 * p0 / gridCharge);

        var offerEnergy = Energies(_random.Next(0, 12), huge);
        var bidEnergy = Energies(_random.Next(0, 12), huge);
        var offerLeft = offerEnergy.ToArray();
        var bidLeft = bidEnergy.ToArray();
        var matches = new List<PairedMatch>();
        var matchCount = offerEnergy.Length == 0 || bidEnergy.Length == 0 ? 0 : _random.Next(0, 30);
        for (var k = 0; k < matchCount; k++)
        {
            int s = _random.Next(offerLeft.Length), b = _random.Next(bidLeft.Length);
            var most = Math.Min(offerLeft[s], bidLeft[b]);
            if (most == 0)
                continue;
            var energy = _random.Next(3) == 0 ? most : 1 + _random.NextInt64(most);
            offerLeft[s] -= energy;
            bidLeft[b] -= energy;
            matches.Add(new PairedMatch($"s{s}", $"b{b}", energy, _random.NextInt64(longest + 1)));
        }

        var offers = offerEnergy.Select((e, i) => new SettlementOffer($"s{i}", e, e - offerLeft[i])).ToArray();
        var bids = bidEnergy.Select((e, i) => new SettlementBid($"b{i}", e, p0 + (_random.Next(3) == 0 ? 0 : _random.Next(50_000)), e - bidLeft[i])).ToArray();
        var readings = new Dictionary<string, long?>();
        foreach (var o in offers)
            Read(readings, o.Id, o.AllocationWh);
        foreach (var b in bids)
            Read(readings, b.Id, b.AllocationWh);
        return new WindowToSettle(parameters, p0, offers, bids, matches, readings);
    }

    /// <summary>An honest reading for an order allocated <paramref name="allocationWh"/>: none, short, exact or above.</summary>
    public long HonestReading(long allocationWh) => _random.Next(4) switch
    {
        0 => 0,
        1 => allocationWh,
        2 => allocationWh + _random.Next(1000),
        _ => _random.NextInt64(allocationWh + 1),
    };

    private void Read(Dictionary<string, long?> readings, string id, long allocationWh)
    {
        switch (_random.Next(5))
        {
            case 0: return;
            case 1: readings[id] = null; return;
            default: readings[id] = HonestReading(allocationWh); return;
        }
    }

    private long[] Energies(int count, bool huge) =>
        Enumerable.Range(0, count).Select(_ => huge ? long.MaxValue / 4 - _random.NextInt64(1_000_000) : 1 + _random.NextInt64(20_000)).ToArray();
}
