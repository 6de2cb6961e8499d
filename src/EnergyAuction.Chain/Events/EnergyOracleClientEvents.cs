using System.Numerics;

namespace EnergyAuction.Chain.Events;

// Event DTOs of IEnergyOracleClient (fields named after the Solidity event's, type named after the event + "Event").

public sealed record ReadingRequestedEvent(byte[] RequestId, ulong OrderId, byte[] MeterId, ReadingKind Kind, string Url);

public sealed record ReadingFulfilledEvent(byte[] RequestId, BigInteger Value);

/// <summary>One batched request for the settlement readings of <c>OrderIds</c>, whose meters are <c>MeterIds</c>.</summary>
public sealed record ReadingsRequestedEvent(byte[] RequestId, IReadOnlyList<ulong> OrderIds, IReadOnlyList<byte[]> MeterIds, string Url);

/// <summary>A batched request was answered; <c>Read</c> of its readings went to EnergyTrade.</summary>
public sealed record ReadingsFulfilledEvent(byte[] RequestId, BigInteger Read);

/// <summary>The answer had no reading for the order's meter: it stays pending and may be asked again after expiry.</summary>
public sealed record ReadingMissingEvent(byte[] RequestId, ulong OrderId);

/// <summary>The answer did not match its request (other meters, other lengths): nothing was taken.</summary>
public sealed record ReadingsRejectedEvent(byte[] RequestId);

public sealed record OracleConfiguredEvent(string Operator, byte[] JobId, BigInteger Fee, string HemsBaseUrl);

public sealed record EnergyTradeSetEvent(string EnergyTrade);

/// <summary>An answer to a request made by an EnergyTrade that is no longer the client's: dropped, not forwarded.</summary>
public sealed record ReadingDroppedEvent(byte[] RequestId, string Market);

public sealed record RequestCancelledEvent(byte[] RequestId);

/// <summary>Readings whose LINK the client keeps for orders that may still need them.</summary>
public sealed record LinkReservedEvent(BigInteger Reserved);

public sealed record LinkWithdrawnEvent(string To, BigInteger Amount);
