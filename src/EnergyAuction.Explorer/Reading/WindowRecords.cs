using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Clearing;

namespace EnergyAuction.Explorer.Reading;

/// <summary>
/// Window records and audits kept between blocks. Every open page re-renders on every block, but most blocks leave
/// most windows alone: a kept record is reused when no EnergyTrade log since it was read names the window or one of
/// its orders (every change to a window or order emits one) and no DataAccess log appeared (meters, buses); otherwise
/// the window is read again. A cleared window's audit is computed once.
/// </summary>
public sealed class WindowRecords
{
    private const int Kept = 64;
    private readonly ConcurrentDictionary<ulong, (ulong Block, WindowRecord Record)> records = new();
    private readonly ConcurrentDictionary<ulong, ClearingAudit> audits = new();

    /// <summary>The window as of <paramref name="block"/> or later.</summary>
    public async Task<WindowRecord> GetAsync(MarketReader reader, ulong id, ulong block, CancellationToken ct)
    {
        if (records.TryGetValue(id, out var kept) && kept.Block <= block && !await ChangedAsync(reader, kept.Record, kept.Block, block, ct))
        {
            records[id] = (block, kept.Record);
            return kept.Record;
        }
        var record = await WindowRecord.ReadAsync(reader, id, ct);
        if (records.Count >= Kept)
            records.Clear();
        records[id] = (block, record);
        return record;
    }

    /// <summary>The window's audit: kept once it is cleared, recomputed each time before.</summary>
    public ClearingAudit Audit(WindowRecord window, ClearingFeeder feeder, MarketLimits limits, ClearingUnits units)
    {
        if (!window.IsCleared)
            return ClearingAudit.Of(window, feeder, limits, units);
        if (audits.Count >= Kept)
            audits.Clear();
        return audits.GetOrAdd(window.Id, _ => ClearingAudit.Of(window, feeder, limits, units));
    }

    private static async Task<bool> ChangedAsync(MarketReader reader, WindowRecord record, ulong from, ulong to, CancellationToken ct)
    {
        if (to == from)
            return false;
        var deployment = reader.Market.Deployment;
        var logs = await reader.Market.Rpc.GetLogsAsync(new LogFilter([deployment.EnergyTrade, deployment.DataAccess], null, from + 1, to), ct);
        return logs.Any(log => !string.Equals(log.Address, reader.Market.Trade.Address, StringComparison.OrdinalIgnoreCase)
            || (log.Topics.Count > 1 && Names(record, log.Topics[1])));
    }

    // The first indexed field of every EnergyTrade event that touches a window is its window id or an order id.
    private static bool Names(WindowRecord record, string topic)
    {
        var value = BigInteger.Parse("0" + topic[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return value <= ulong.MaxValue && ((ulong)value == record.Id || record.Order((ulong)value) is not null);
    }
}
