using System.Numerics;

namespace EnergyAuction.Chain;

/// <summary>IEnergyTrade.orderReading: an order's settlement reading (R_b for a bid, X_s for an offer), capped at the
/// order's matched energy; <c>ExpiresAt</c> is when a pending request may be repeated.</summary>
public sealed record OrderReading(ReadingState State, byte[] RequestId, ulong ExpiresAt, BigInteger ReadingWh);
