using System.Numerics;

namespace EnergyAuction.Chain.Events;

// Event DTOs of IEnergyTrade: constructor parameters are named after the Solidity fields (that is how they are
// decoded) and each type is named after its event with the "Event" suffix.

public sealed record WindowOpenedEvent(ulong WindowId, WindowParams Params, ulong BiddingDeadline);

public sealed record PhaseChangedEvent(ulong WindowId, WindowPhase Phase);

public sealed record OfferSubmittedEvent(ulong WindowId, ulong OrderId, string Owner, byte[] MeterId, ulong EnergyWh, BigInteger Price, BigInteger Deposit);

public sealed record BidSubmittedEvent(ulong WindowId, ulong OrderId, string Owner, byte[] MeterId, ulong EnergyWh, BigInteger Price, BigInteger Deposit);

public sealed record OfferValidatedEvent(ulong OrderId, BigInteger AvailableWh);

/// <summary>The offer did not fit the battery: RequestedWh &gt; AvailableWh - CommittedWh (what the meter owes other windows).</summary>
public sealed record OfferRejectedEvent(ulong OrderId, BigInteger RequestedWh, BigInteger AvailableWh, BigInteger CommittedWh);

public sealed record OrderCancelledEvent(ulong WindowId, ulong OrderId, string Owner);

public sealed record ClearingPostedEvent(ulong WindowId, BigInteger Price, ulong MatchesInBatch, ulong TotalMatches);

public sealed record ClearingFinalisedEvent(ulong WindowId, BigInteger Price, byte[] ResultHash, ulong MatchCount);

public sealed record SettlementReadingRequestedEvent(ulong WindowId, ulong OrderId, byte[] RequestId, ulong ExpiresAt);

public sealed record ReadingUnavailableEvent(ulong WindowId, ulong OrderId, byte[] MeterId)
{
    /// <summary>The meter id as text.</summary>
    public string Meter => Chain.MeterId.FromBytes32(MeterId);
}

public sealed record ReadingNotRepeatedEvent(ulong WindowId, ulong OrderId, ReadingState State);

/// <summary>The oracle's reading of an order's meter (<c>MeterWh</c>) and what settlement uses of it, capped at the
/// order's matched energy (<c>ReadingWh</c>).</summary>
public sealed record ReadingReportedEvent(ulong WindowId, ulong OrderId, BigInteger MeterWh, BigInteger ReadingWh);

/// <summary>One settled match (MARKET.md "Settlement"): buyer side b_m, seller side s_m, traded t_m, fee half h_m (each
/// side pays it; the DSO gets both), the seller's penalty (to the buyer), the buyer's (to the seller), and which side's
/// reading was missing.</summary>
public sealed record MatchSettledEvent(ulong WindowId, ulong OfferId, ulong BidId, BigInteger BuyerWh, BigInteger SellerWh,
    BigInteger TradedWh, BigInteger FeeHalf, BigInteger SellerPenalty, BigInteger BuyerPenalty, bool BuyerMissing, bool SellerMissing);

public sealed record WindowClosingEvent(ulong WindowId, ulong ReleasedOrders, ulong OrderCount);

public sealed record WindowClosedEvent(ulong WindowId);

public sealed record WindowCancelledEvent(ulong WindowId, string By);

public sealed record CreditedEvent(string Account, BigInteger Amount);

/// <summary>Account's balance was paid to To (the account itself unless it used withdrawTo).</summary>
public sealed record WithdrawnEvent(string Account, string To, BigInteger Amount);

public sealed record OracleClientSetEvent(string OracleClient);

public sealed record RoleGrantedEvent(byte[] Role, string Account, string Sender);

public sealed record RoleRevokedEvent(byte[] Role, string Account, string Sender);
