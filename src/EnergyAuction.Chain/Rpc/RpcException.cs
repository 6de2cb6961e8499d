using System.Text.Json;
using EnergyAuction.Chain.Hex;

namespace EnergyAuction.Chain.Rpc;

/// <summary>The node answered with a JSON-RPC error object.</summary>
public class RpcException : Exception
{
    public RpcException(int code, string message, JsonElement? data = null, string? method = null)
        : base(method is null ? $"JSON-RPC error {code}: {message}" : $"{method} failed with JSON-RPC error {code}: {message}")
    {
        Code = code;
        RpcMessage = message;
        ErrorData = data;
        Method = method;
    }

    public int Code { get; }

    /// <summary>The error object's message as the node sent it.</summary>
    public string RpcMessage { get; }

    /// <summary>The error object's "data" member (named ErrorData because Exception.Data is taken).</summary>
    public JsonElement? ErrorData { get; }

    public string? Method { get; }

    /// <summary>Revert data carried by an eth_call / eth_estimateGas error ("data": "0x…" or {"data": "0x…"}), if any.</summary>
    public byte[]? RevertData => FindHex(ErrorData);

    private static byte[]? FindHex(JsonElement? element)
    {
        if (element is not { } e) return null;
        if (e.ValueKind == JsonValueKind.String && HexConvert.IsHex(e.GetString())) return HexConvert.FromHex(e.GetString()!);
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("data", out var inner)) return FindHex(inner);
        return null;
    }
}

/// <summary>The node could not be reached (refused, reset, timed out) after the configured retries.</summary>
public sealed class RpcUnavailableException(Uri endpoint, string method, Exception inner)
    : Exception($"Ethereum node at {endpoint} is unavailable ({method}): {inner.Message}", inner)
{
    public Uri Endpoint { get; } = endpoint;
}

/// <summary>The node sent something that is not a valid JSON-RPC response.</summary>
public sealed class RpcProtocolException(Uri endpoint, string method, string problem, Exception? inner = null)
    : Exception($"Malformed JSON-RPC response from {endpoint} to {method}: {problem}", inner)
{
    public Uri Endpoint { get; } = endpoint;
}

/// <summary>A failure worth retrying: HTTP 429/5xx from a node behind a proxy or load balancer.</summary>
internal sealed class TransientRpcException(string message) : Exception(message);
