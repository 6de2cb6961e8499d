using System.Numerics;

namespace EnergyAuction.Chain.Events;

/// <summary>Chainlink Operator's OracleRequest: what a node must answer with fulfillOracleRequest2. `Data` is the
/// request's CBOR parameters; `Requester` and `CallbackAddr` are the consumer (EnergyOracleClient).</summary>
public sealed record OracleRequestEvent(byte[] SpecId, string Requester, byte[] RequestId, BigInteger Payment, string CallbackAddr,
    byte[] CallbackFunctionId, BigInteger CancelExpiration, BigInteger DataVersion, byte[] Data);

/// <summary>Chainlink Operator's OracleResponse: a request was fulfilled.</summary>
public sealed record OracleResponseEvent(byte[] RequestId);

/// <summary>Chainlink Operator's CancelOracleRequest.</summary>
public sealed record CancelOracleRequestEvent(byte[] RequestId);

/// <summary>Chainlink Operator's AuthorizedSendersChanged.</summary>
public sealed record AuthorizedSendersChangedEvent(string[] Senders, string ChangedBy);
