using System.Text.Json;

namespace EnergyAuction.Chain.Rpc;

/// <summary>One call in a batch.</summary>
public sealed record RpcRequest(string Method, params object?[] Params);

/// <summary>One answer in a batch: a result, or the error the node returned for that call.</summary>
public sealed record RpcResponse(JsonElement Result, RpcException? Error)
{
    public JsonElement GetResultOrThrow() => Error is null ? Result : throw Error;

    public T As<T>() => GetResultOrThrow().Deserialize<T>()!;
}
