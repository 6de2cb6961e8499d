using System.Numerics;

namespace EnergyAuction.Market.Settlement.BothSides;

/// <summary>
/// One order's money after settlement, in wei (MARKET.md "Refunds"). <see cref="Deposit"/> is what it locked, without
/// the order fee; <see cref="Paid"/> and <see cref="Received"/> are what moved from and to it (a seller's received is
/// gross: its fee halves are in paid); <see cref="Refund"/> = deposit - paid + received is what it can withdraw.
/// </summary>
public sealed record OrderAccount(string Id, OrderSide Side, BigInteger Deposit, BigInteger Paid, BigInteger Received, BigInteger Refund);
