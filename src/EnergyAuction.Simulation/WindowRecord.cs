using System.Numerics;

namespace EnergyAuction.Simulation;

/// <summary>
/// One window under one mechanism: clearing price (null: no trade), Wh matched and actually traded, the households'
/// import need after PV and battery (the local demand), trades with energy, DSO fees and penalties, and the
/// households' net payments into the market (what conservation balances against the DSO's and operator's take).
/// </summary>
public sealed record WindowRecord(
    int Window,
    BigInteger? Price,
    long MatchedWh,
    long TradedWh,
    long DemandWh,
    int Trades,
    BigInteger DsoFees,
    BigInteger OperatorFees,
    BigInteger Penalties,
    BigInteger HouseholdsNetPaid);
