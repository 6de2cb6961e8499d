using System.Numerics;

namespace EnergyAuction.Demo;

/// <summary>
/// A wallet's money over the whole run: what it locked in orders, what `energy withdraw` gave back, and what its settled
/// trades say it should have earned (positive) or paid (negative). A seller's figures agree to the wei; a buyer may pay
/// up to one wei per match less, because the DSO forgoes the fee-half rounding that would take a buyer above its escrow.
/// </summary>
public sealed record HouseholdAccount(string Meter, string Wallet, string Address, bool IsSeller, BigInteger Deposited, BigInteger Withdrawn,
    BigInteger NetFromTrades, int Matches)
{
    public BigInteger Net => Withdrawn - Deposited;

    /// <summary>Wei the buyer kept because the fee recipient forgave rounding (0 for sellers).</summary>
    public BigInteger Forgone => Net - NetFromTrades;

    public bool Consistent => IsSeller ? Forgone.IsZero : Forgone >= 0 && Forgone <= Matches;
}

/// <summary>MARKET.md conservation over the run: every wei paid into the market (escrow and collateral) came out again
/// as payouts, refunds, penalties and fees, and the contract holds what it held before.</summary>
public sealed record Conservation(BigInteger Deposited, BigInteger WithdrawnByHouseholds, BigInteger WithdrawnByDso, BigInteger FeesSettled,
    BigInteger ContractBefore, BigInteger ContractAfter)
{
    public BigInteger Withdrawn => WithdrawnByHouseholds + WithdrawnByDso;

    public bool Holds => Deposited == Withdrawn && ContractBefore == ContractAfter;
}
