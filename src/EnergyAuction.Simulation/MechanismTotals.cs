using System.Numerics;

namespace EnergyAuction.Simulation;

/// <summary>
/// A mechanism's totals over the run, and how it compares with grid-only. Energy in Wh, money in wei; ratios (the
/// only non-integers) are computed from the integer totals for reporting.
/// </summary>
public sealed record MechanismTotals(
    string Mechanism,
    long LoadWh,
    long PvWh,
    long LocalTradedWh,
    long GridImportWh,
    long GridExportWh,
    int Trades,
    BigInteger LocalPayments,
    BigInteger DsoFees,
    BigInteger OperatorFees,
    BigInteger Penalties,
    BigInteger NetCost,
    BigInteger ProducersNetCost,
    BigInteger ConsumersNetCost)
{
    /// <summary>Share of the households' load not imported from the main grid.</summary>
    public double SelfSufficiency => LoadWh == 0 ? 0 : 1 - (double)GridImportWh / LoadWh;

    /// <summary>Average local price, wei per kWh (null without local trade).</summary>
    public BigInteger? AverageLocalPrice => LocalTradedWh == 0 ? null : LocalPayments * 1000 / LocalTradedWh;

    /// <summary>What one trade costs on average: the buyer's payment plus both fee halves, wei (null without trades).</summary>
    public BigInteger? CostPerTrade => Trades == 0 ? null : (LocalPayments + DsoFees) / Trades;

    /// <summary>Totals of <paramref name="result"/>.</summary>
    public static MechanismTotals Of(MechanismResult result)
    {
        var h = result.Households;
        BigInteger Sum(Func<HouseholdLedger, BigInteger> f, Func<HouseholdLedger, bool>? where = null) =>
            h.Where(where ?? (_ => true)).Aggregate(BigInteger.Zero, (s, l) => s + f(l));
        var w = result.Windows;
        return new MechanismTotals(result.Market.Name,
            h.Sum(l => l.LoadWh), h.Sum(l => l.PvWh), h.Sum(l => l.LocalBoughtWh), h.Sum(l => l.GridImportWh), h.Sum(l => l.GridExportWh),
            w.Sum(r => r.Trades), Sum(l => l.LocalPaid),
            w.Aggregate(BigInteger.Zero, (s, r) => s + r.DsoFees), w.Aggregate(BigInteger.Zero, (s, r) => s + r.OperatorFees),
            w.Aggregate(BigInteger.Zero, (s, r) => s + r.Penalties),
            Sum(l => l.NetCost), Sum(l => l.NetCost, l => l.Household.IsProducer), Sum(l => l.NetCost, l => !l.Household.IsProducer));
    }

    /// <summary>How much better off a group is than under grid-only: (baseline - net) / |baseline|, null when the baseline is 0.</summary>
    public static double? BetterOff(BigInteger baselineNetCost, BigInteger netCost) =>
        baselineNetCost.IsZero ? null : (double)(baselineNetCost - netCost) / (double)BigInteger.Abs(baselineNetCost);

    /// <summary>Main-grid import saved against grid-only, as a share of grid-only's import.</summary>
    public double ImportReduction(MechanismTotals gridOnly) =>
        gridOnly.GridImportWh == 0 ? 0 : (double)(gridOnly.GridImportWh - GridImportWh) / gridOnly.GridImportWh;
}
