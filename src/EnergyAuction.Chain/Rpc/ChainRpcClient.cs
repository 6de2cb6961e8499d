using System.Net.Http.Headers;
using System.Numerics;
using System.Text;
using System.Text.Json;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Hex;
using Polly;

namespace EnergyAuction.Chain.Rpc;

/// <summary>JSON-RPC 2.0 over HTTP to an Ethereum node, with retries for reads and checked resends for transactions.</summary>
public sealed class ChainRpcClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly RpcResilienceOptions _options;
    private readonly ResiliencePipeline _reads;
    private readonly ResiliencePipeline _sends;
    private long _nextId;

    public ChainRpcClient(Uri endpoint, HttpClient? http = null, RpcResilienceOptions? options = null)
    {
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _ownsHttp = http is null;
        // Polly owns the per-attempt timeout; HttpClient's own would cut across retries.
        _http = http ?? new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _options = options ?? RpcResilienceOptions.Default;
        _reads = RpcResiliencePipelines.ForReads(_options);
        _sends = RpcResiliencePipelines.ForSends(_options);
    }

    public ChainRpcClient(string endpoint) : this(new Uri(endpoint))
    {
    }

    public Uri Endpoint { get; }

    /// <summary>Any JSON-RPC method (e.g. evm_increaseTime, evm_mine, evm_snapshot), result deserialised into T.</summary>
    public Task<T> RequestAsync<T>(string method, params object?[] parameters) => RequestAsync<T>(method, parameters, CancellationToken.None);

    public async Task<T> RequestAsync<T>(string method, object?[] parameters, CancellationToken cancellationToken)
    {
        var result = await ReadAsync(method, parameters, cancellationToken).ConfigureAwait(false);
        return result.Deserialize<T>()!;
    }

    public async Task<JsonElement> RequestAsync(string method, object?[] parameters, CancellationToken cancellationToken = default) =>
        await ReadAsync(method, parameters, cancellationToken).ConfigureAwait(false);

    /// <summary>Sends several calls in one HTTP request; answers come back in request order.</summary>
    public async Task<IReadOnlyList<RpcResponse>> BatchAsync(IReadOnlyList<RpcRequest> requests, CancellationToken cancellationToken = default)
    {
        if (requests.Count == 0) return [];
        var label = $"batch of {requests.Count} ({requests[0].Method}…)";
        return await Execute(_reads, label, async ct =>
        {
            var ids = requests.Select(_ => Interlocked.Increment(ref _nextId)).ToArray();
            var body = JsonSerializer.Serialize(requests.Select((r, i) => Envelope(ids[i], r.Method, r.Params)));
            using var document = await PostAsync(body, label, ct).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out _))
                    throw ReadError(document.RootElement, label);
                throw new RpcProtocolException(Endpoint, label, "expected a JSON array");
            }
            var byId = new Dictionary<long, RpcResponse>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (!item.TryGetProperty("id", out var idElement) || !idElement.TryGetInt64(out var id))
                    throw new RpcProtocolException(Endpoint, label, "a batch answer has no numeric id");
                var index = Array.IndexOf(ids, id);
                var method = index >= 0 ? requests[index].Method : label;
                byId[id] = item.TryGetProperty("error", out _)
                    ? new RpcResponse(default, ReadError(item, method))
                    : new RpcResponse(item.TryGetProperty("result", out var r) ? r.Clone() : throw new RpcProtocolException(Endpoint, method, "no result and no error"), null);
            }
            return (IReadOnlyList<RpcResponse>)[.. ids.Select(id => byId.TryGetValue(id, out var r) ? r
                : throw new RpcProtocolException(Endpoint, label, $"no answer for request id {id}"))];
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BigInteger> ChainIdAsync(CancellationToken ct = default) => await QuantityAsync("eth_chainId", [], ct).ConfigureAwait(false);

    public async Task<ulong> BlockNumberAsync(CancellationToken ct = default) => (ulong)await QuantityAsync("eth_blockNumber", [], ct).ConfigureAwait(false);

    public Task<BigInteger> GetBalanceAsync(string address, string block = "latest", CancellationToken ct = default) =>
        QuantityAsync("eth_getBalance", [address, block], ct);

    /// <summary>The account's nonce: "pending" counts transactions in the mempool, "latest" only mined ones.</summary>
    public Task<BigInteger> GetTransactionCountAsync(string address, string block = "pending", CancellationToken ct = default) =>
        QuantityAsync("eth_getTransactionCount", [address, block], ct);

    /// <summary>The runtime bytecode at an address (empty for accounts without code).</summary>
    public async Task<byte[]> GetCodeAsync(string address, string block = "latest", CancellationToken ct = default)
    {
        var result = await ReadAsync("eth_getCode", [address, block], ct).ConfigureAwait(false);
        return Parse(result, "eth_getCode", r => HexConvert.FromHex(r.GetString() ?? throw new FormatException("not a string")));
    }

    public Task<BigInteger> GasPriceAsync(CancellationToken ct = default) => QuantityAsync("eth_gasPrice", [], ct);

    public Task<BigInteger> MaxPriorityFeePerGasAsync(CancellationToken ct = default) => QuantityAsync("eth_maxPriorityFeePerGas", [], ct);

    /// <summary>eth_call; a revert surfaces as an <see cref="RpcException"/> whose RevertData holds the error.</summary>
    public async Task<byte[]> CallAsync(CallInput call, string block = "latest", CancellationToken ct = default)
    {
        var result = await ReadAsync("eth_call", [call.ToJson(), block], ct).ConfigureAwait(false);
        return HexConvert.FromHex(result.GetString() ?? throw new RpcProtocolException(Endpoint, "eth_call", "result is not a string"));
    }

    public Task<BigInteger> EstimateGasAsync(CallInput call, CancellationToken ct = default) =>
        QuantityAsync("eth_estimateGas", [call.ToJson()], ct);

    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken ct = default)
    {
        var result = await ReadAsync("eth_getTransactionReceipt", [transactionHash], ct).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : Parse(result, "eth_getTransactionReceipt", TransactionReceipt.FromJson);
    }

    public async Task<RpcTransaction?> GetTransactionByHashAsync(string transactionHash, CancellationToken ct = default)
    {
        var result = await ReadAsync("eth_getTransactionByHash", [transactionHash], ct).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : Parse(result, "eth_getTransactionByHash", RpcTransaction.FromJson);
    }

    public async Task<IReadOnlyList<FilterLog>> GetLogsAsync(LogFilter filter, CancellationToken ct = default)
    {
        var result = await ReadAsync("eth_getLogs", [filter.ToJson()], ct).ConfigureAwait(false);
        return Parse(result, "eth_getLogs", r => (IReadOnlyList<FilterLog>)[.. r.EnumerateArray().Select(FilterLog.FromJson)]);
    }

    /// <summary>A block by number or tag ("latest", "pending", "earliest"); null if it does not exist yet.</summary>
    public async Task<Block?> GetBlockAsync(string blockNumberOrTag = "latest", CancellationToken ct = default)
    {
        var result = await ReadAsync("eth_getBlockByNumber", [blockNumberOrTag, false], ct).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : Parse(result, "eth_getBlockByNumber", Block.FromJson);
    }

    public Task<Block?> GetBlockAsync(ulong blockNumber, CancellationToken ct = default) => GetBlockAsync(HexConvert.ToQuantity(blockNumber), ct);

    public async Task<FeeHistory> FeeHistoryAsync(int blockCount, string newestBlock, IReadOnlyList<double> rewardPercentiles, CancellationToken ct = default)
    {
        var result = await ReadAsync("eth_feeHistory", [HexConvert.ToQuantity((ulong)blockCount), newestBlock, rewardPercentiles], ct).ConfigureAwait(false);
        return Parse(result, "eth_feeHistory", FeeHistory.FromJson);
    }

    /// <summary>Submits a signed transaction and returns its hash. If the outcome of a send is unknown (connection
    /// lost, timeout), it asks the node whether the transaction arrived before sending it again, so a transaction
    /// is never blindly duplicated.</summary>
    public async Task<string> SendRawTransactionAsync(byte[] signedTransaction, CancellationToken ct = default)
    {
        var hash = HexConvert.ToHex(Keccak256.Hash(signedTransaction));
        var raw = HexConvert.ToHex(signedTransaction);
        var delay = _options.BaseDelay;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var result = await Execute(_sends, "eth_sendRawTransaction",
                    token => CallOnceAsync("eth_sendRawTransaction", [raw], token), ct).ConfigureAwait(false);
                return result.GetString() ?? hash;
            }
            catch (RpcUnavailableException) when (attempt < _options.MaxRetries)
            {
                await Task.Delay(Jitter(delay), ct).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxDelay.Ticks));
                if (await GetTransactionByHashAsync(hash, ct).ConfigureAwait(false) is not null) return hash;
            }
            catch (RpcException e) when (attempt > 0 && IsAlreadyKnown(e))
            {
                return hash;
            }
        }
    }

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    private static bool IsAlreadyKnown(RpcException e) =>
        e.RpcMessage.Contains("already known", StringComparison.OrdinalIgnoreCase)
        || e.RpcMessage.Contains("known transaction", StringComparison.OrdinalIgnoreCase);

    private static TimeSpan Jitter(TimeSpan delay) => delay * (0.5 + Random.Shared.NextDouble());

    private async Task<BigInteger> QuantityAsync(string method, object?[] parameters, CancellationToken ct)
    {
        var result = await ReadAsync(method, parameters, ct).ConfigureAwait(false);
        return Parse(result, method, r => HexConvert.ParseQuantity(r.GetString() ?? throw new FormatException("not a string")));
    }

    private T Parse<T>(JsonElement result, string method, Func<JsonElement, T> read)
    {
        try
        {
            return read(result);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or OverflowException)
        {
            throw new RpcProtocolException(Endpoint, method, e.Message, e);
        }
    }

    private Task<JsonElement> ReadAsync(string method, object?[] parameters, CancellationToken ct) =>
        Execute(_reads, method, token => CallOnceAsync(method, parameters, token), ct);

    private async Task<T> Execute<T>(ResiliencePipeline pipeline, string method, Func<CancellationToken, Task<T>> action, CancellationToken ct)
    {
        try
        {
            return await pipeline.ExecuteAsync(async token => await action(token).ConfigureAwait(false), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (RpcResiliencePipelines.IsTransient(e) && !ct.IsCancellationRequested)
        {
            throw new RpcUnavailableException(Endpoint, method, e);
        }
    }

    private async Task<JsonElement> CallOnceAsync(string method, object?[] parameters, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _nextId);
        using var document = await PostAsync(JsonSerializer.Serialize(Envelope(id, method, parameters)), method, ct).ConfigureAwait(false);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new RpcProtocolException(Endpoint, method, "expected a JSON object");
        if (root.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null) throw ReadError(root, method);
        if (!root.TryGetProperty("result", out var result)) throw new RpcProtocolException(Endpoint, method, "no result and no error");
        return result.Clone();
    }

    private async Task<JsonDocument> PostAsync(string body, string method, CancellationToken ct)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = JsonContentType;
        using var response = await _http.PostAsync(Endpoint, content, ct).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status == 429 || status >= 500 && !LooksLikeJson(text))
            throw new TransientRpcException($"HTTP {status} from {Endpoint}");
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            var problem = response.IsSuccessStatusCode ? $"not JSON: {Shorten(text)}" : $"HTTP {status}: {Shorten(text)}";
            throw new RpcProtocolException(Endpoint, method, problem, e);
        }
    }

    private RpcException ReadError(JsonElement root, string method)
    {
        var error = root.GetProperty("error");
        if (error.ValueKind != JsonValueKind.Object) throw new RpcProtocolException(Endpoint, method, "the error is not an object");
        var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : 0;
        var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
        JsonElement? data = error.TryGetProperty("data", out var d) ? d.Clone() : null;
        return new RpcException(code, message, data, method);
    }

    private static object Envelope(long id, string method, object?[] parameters) =>
        new Dictionary<string, object?> { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters };

    private static bool LooksLikeJson(string text) => text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[');

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;
}
