using System.Numerics;

namespace EnergyAuction.Demo;

/// <summary>
/// A wallet's money over the whole run: what it locked in orders, the order fees it paid on top, what `energy withdraw`
/// gave back, and what its settled trades less those fees say it should have earned (positive) or paid (negative). A
/// seller's figures agree to the wei; a buyer may pay up to one wei per match less, because the DSO forgoes the fee-half
/// rounding that would take a buyer above its escrow.
/// </summary>
public sealed record HouseholdAccount(string Meter, string Wallet, string Address, bool IsSeller, BigInteger Deposited, BigInteger OrderFees,
    BigInteger Withdrawn, BigInteger NetFromTrades, int Matches)
{
    public BigInteger Net => Withdrawn - Deposited - OrderFees;

    /// <summary>Wei the buyer kept because the fee recipient forgave rounding (0 for sellers).</summary>
    public BigInteger Forgone => Net - NetFromTrades;

    public bool Consistent => IsSeller ? Forgone.IsZero : Forgone >= 0 && Forgone <= Matches;
}

/// <summary>MARKET.md conservation over the run: every wei paid into the market (escrow, collateral and order fees) came
/// out again as payouts, refunds, penalties, the DSO's grid fees and the operator's order fees, and the contract holds
/// what it held before.</summary>
public sealed record Conservation(BigInteger Deposited, BigInteger OrderFeesPaid, BigInteger WithdrawnByHouseholds, BigInteger WithdrawnByDso,
    BigInteger WithdrawnByOperator, BigInteger FeesSettled, BigInteger ContractBefore, BigInteger ContractAfter)
{
    public BigInteger PaidIn => Deposited + OrderFeesPaid;

    public BigInteger Withdrawn => WithdrawnByHouseholds + WithdrawnByDso + WithdrawnByOperator;

    public bool Holds => PaidIn == Withdrawn && ContractBefore == ContractAfter;

    /// <summary>The operator was credited every order's fee, no more and no less.</summary>
    public bool OperatorPaidTheOrderFees => WithdrawnByOperator == OrderFeesPaid;
}
