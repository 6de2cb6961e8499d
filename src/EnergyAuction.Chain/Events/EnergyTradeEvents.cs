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

public sealed record DeliveryRequestedEvent(ulong WindowId, ulong BidId, byte[] RequestId);

public sealed record DeliveryUnreadableEvent(ulong WindowId, ulong BidId, byte[] MeterId)
{
    /// <summary>The meter id as text.</summary>
    public string Meter => Chain.MeterId.FromBytes32(MeterId);
}

public sealed record DeliveryReportedEvent(ulong WindowId, ulong BidId, BigInteger ReceivedWh);

public sealed record MatchSettledEvent(ulong WindowId, ulong OfferId, ulong BidId, BigInteger DeliveredWh,
    BigInteger SellerPayout, BigInteger BuyerPayment, BigInteger Fee, BigInteger Penalty);

public sealed record WindowClosingEvent(ulong WindowId, ulong ReleasedOrders, ulong OrderCount);

public sealed record WindowClosedEvent(ulong WindowId);

public sealed record WindowCancelledEvent(ulong WindowId, string By);

public sealed record CreditedEvent(string Account, BigInteger Amount);

/// <summary>Account's balance was paid to To (the account itself unless it used withdrawTo).</summary>
public sealed record WithdrawnEvent(string Account, string To, BigInteger Amount);

public sealed record OracleClientSetEvent(string OracleClient);

public sealed record RoleGrantedEvent(byte[] Role, string Account, string Sender);

public sealed record RoleRevokedEvent(byte[] Role, string Account, string Sender);
