using System.Numerics;

namespace EnergyAuction.Simulation;

/// <summary>One household's totals under one mechanism: energy in Wh, money in wei.</summary>
public sealed class HouseholdLedger(Household household)
{
    /// <summary>The household these totals belong to.</summary>
    public Household Household { get; } = household;

    /// <summary>Its actual consumption.</summary>
    public long LoadWh { get; internal set; }

    /// <summary>Its actual PV generation.</summary>
    public long PvWh { get; internal set; }

    /// <summary>The battery's charge at the end of the run (it started at <see cref="Household.BatteryStartWh"/>).</summary>
    public long BatteryEndWh { get; internal set; }

    /// <summary>Bought from other households (traded t_m of its bids' matches).</summary>
    public long LocalBoughtWh { get; internal set; }

    /// <summary>Sold to other households (traded t_m of its offers' matches).</summary>
    public long LocalSoldWh { get; internal set; }

    /// <summary>Imported from the main grid at retail.</summary>
    public long GridImportWh { get; internal set; }

    /// <summary>Exported to the main grid at feed-in.</summary>
    public long GridExportWh { get; internal set; }

    /// <summary>Grid import at retail, cost() per window.</summary>
    public BigInteger GridCost { get; internal set; }

    /// <summary>Grid export at feed-in, cost() per window.</summary>
    public BigInteger GridIncome { get; internal set; }

    /// <summary>cost(t_m, p0) paid to sellers.</summary>
    public BigInteger LocalPaid { get; internal set; }

    /// <summary>cost(t_m, p0) received from buyers.</summary>
    public BigInteger LocalReceived { get; internal set; }

    /// <summary>Fee halves paid to the DSO, as buyer and as seller.</summary>
    public BigInteger GridFees { get; internal set; }

    /// <summary>Order fees f, one per order placed.</summary>
    public BigInteger OrderFees { get; internal set; }

    /// <summary>Penalties paid to counterparties for energy not delivered or not taken.</summary>
    public BigInteger PenaltiesPaid { get; internal set; }

    /// <summary>Penalties received from counterparties.</summary>
    public BigInteger PenaltiesReceived { get; internal set; }

    /// <summary>What the household pays: grid import, local purchases, fees and penalties paid.</summary>
    public BigInteger Bill => GridCost + LocalPaid + GridFees + OrderFees + PenaltiesPaid;

    /// <summary>What the household earns: feed-in, local sales and penalties received.</summary>
    public BigInteger Income => GridIncome + LocalReceived + PenaltiesReceived;

    /// <summary>Bill minus income: its net cost of energy for the run.</summary>
    public BigInteger NetCost => Bill - Income;
}
