using System.Text.Json;
using EnergyAuction.Chain;
using EnergyAuction.Chain.KeyStore;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Operator.Options;

namespace EnergyAuction.Operator.Chain;

/// <summary>
/// The daemon's one connection to the market: the deployment record, the operator key from its
/// keystore, and a <see cref="MarketClient"/> sending as that key (one nonce sequence for every
/// hosted service).
/// </summary>
public sealed class OperatorChain : IDisposable
{
    private readonly HttpClient _http;
    private readonly ChainRpcClient _rpc;

    /// <summary>Connects with the configured RPC URL, deployment file and keystore; failed RPC attempts are counted in
    /// <paramref name="metrics"/>.</summary>
    public OperatorChain(OperatorOptions options, Status.OperatorMetrics metrics)
    {
        Deployment = MarketDeploymentRecord.Load(options.DeploymentFile!);
        var password = KeystorePassword.Read(options)
            ?? throw new InvalidOperationException(KeystorePassword.Missing);
        var key = new Keystore().DecryptKey(File.ReadAllText(options.KeystoreFile!), password);
        // The RPC client's retry policy owns the per-attempt timeout, so HttpClient's own is off.
        _http = new HttpClient(new CountingRpcHandler(metrics)) { Timeout = Timeout.InfiniteTimeSpan };
        _rpc = new ChainRpcClient(new Uri(options.RpcUrl!), _http);
        Market = new MarketClient(_rpc, Deployment, key);
    }

    /// <summary>The deployed contracts this daemon operates.</summary>
    public MarketDeploymentRecord Deployment { get; }

    /// <summary>The market, sending as the operator.</summary>
    public MarketClient Market { get; }

    /// <summary>The operator's address.</summary>
    public string Account => Market.Account!;

    /// <summary>
    /// Chain time in unix seconds: the timestamp the next block will carry (the <c>pending</c>
    /// block), else the latest block's. On Hardhat a block's time only moves when a block is mined,
    /// so the latest block alone could keep a deadline "not reached" forever on an idle chain.
    /// </summary>
    public async Task<ulong> NowAsync(CancellationToken ct)
    {
        var pending = await Market.Rpc.RequestAsync("eth_getBlockByNumber", ["pending", false], ct);
        if (pending.ValueKind == JsonValueKind.Object && pending.TryGetProperty("timestamp", out var stamp) && stamp.GetString() is { } hex)
            return Convert.ToUInt64(hex, 16);
        return (await Market.Rpc.GetBlockAsync("latest", ct))!.Timestamp;
    }

    /// <summary>The latest block number.</summary>
    public Task<ulong> LatestBlockAsync(CancellationToken ct) => Market.Rpc.BlockNumberAsync(ct);

    /// <inheritdoc />
    public void Dispose()
    {
        Market.Dispose();
        _rpc.Dispose();
        _http.Dispose();
    }
}
