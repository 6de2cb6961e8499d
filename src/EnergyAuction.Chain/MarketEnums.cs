namespace EnergyAuction.Chain;

/// <summary>IEnergyTrade.Phase: where a trading window is in its life.</summary>
public enum WindowPhase : byte { None, BiddingOffering, Matching, EnergyTransfer, Settlement, Closed, Cancelled }

/// <summary>IEnergyTrade.Mechanism: how the operator clears a window (callers map to their own market types).</summary>
public enum Mechanism : byte { Dpda, Mcafee, Uniform }

/// <summary>IEnergyTrade.Side.</summary>
public enum OrderSide : byte { Offer, Bid }

/// <summary>IEnergyTrade.OrderStatus.</summary>
public enum OrderStatus : byte { None, PendingValidation, Valid, Rejected, Cancelled, Matched, Settled, Refunded }

/// <summary>IEnergyOracleClient.ReadingKind: what an oracle request reads.</summary>
public enum ReadingKind : byte { AvailableEnergy, Settlement }

/// <summary>IEnergyTrade.ReadingState: an order's settlement reading (not asked yet, asked, in, given up).</summary>
public enum ReadingState : byte { None, Pending, Read, Released }
