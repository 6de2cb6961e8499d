using System.Numerics;

namespace EnergyAuction.Chain.Events;

// Event DTOs of IEnergyOracleClient (fields named after the Solidity event's, type named after the event + "Event").

public sealed record ReadingRequestedEvent(byte[] RequestId, ulong OrderId, byte[] MeterId, ReadingKind Kind, string Url);

public sealed record ReadingFulfilledEvent(byte[] RequestId, BigInteger Value);

public sealed record OracleConfiguredEvent(string Operator, byte[] JobId, BigInteger Fee, string HemsBaseUrl);

public sealed record EnergyTradeSetEvent(string EnergyTrade);
