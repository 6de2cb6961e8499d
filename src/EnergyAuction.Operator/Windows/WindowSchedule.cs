using System.Globalization;
using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Clearing;
using EnergyAuction.Operator.Options;

namespace EnergyAuction.Operator.Windows;

/// <summary>When the daemon opens the next window, and with which parameters.</summary>
public static class WindowSchedule
{
    /// <summary>
    /// True when a new window is due at chain time <paramref name="now"/>: windows are opened every
    /// <paramref name="everySeconds"/> of chain time (0 = never), counted from the newest window's
    /// opening, which the chain remembers (bidding deadline minus bidding duration).
    /// </summary>
    public static bool IsDue(long everySeconds, WindowInfo? newest, ulong now)
    {
        if (everySeconds <= 0) return false;
        if (newest is null) return true;
        var openedAt = newest.BiddingDeadline - newest.Params.BiddingDuration;
        return now >= openedAt + (ulong)everySeconds;
    }

    /// <summary>The parameters of a window opened with <paramref name="o"/> and L = <paramref name="maxDistanceMetres"/>.</summary>
    public static WindowParams ParamsFor(WindowOptions o, long maxDistanceMetres) => new(
        BiddingDuration: checked((uint)o.BiddingSeconds),
        MatchingDuration: checked((uint)o.MatchingSeconds),
        TransferDuration: checked((uint)o.TransferSeconds),
        SettlementDuration: checked((uint)o.SettlementSeconds),
        GracePeriod: checked((uint)o.GraceSeconds),
        MaxEnergyWh: checked((ulong)o.MaxEnergyWh),
        ReferencePrice: Wei(o.ReferencePrice),
        GridCharge: Wei(o.GridCharge),
        MaxDistanceM: checked((uint)maxDistanceMetres),
        PenaltyRate: Wei(o.PenaltyRate),
        Mechanism: ChainMechanisms.Parse(o.Mechanism),
        ValidateOffers: o.ValidateOffers,
        OrderFee: Wei(o.OrderFee));

    private static BigInteger Wei(string text) => BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
