using System.Collections.Concurrent;
using EnergyAuction.Chain.Services;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Transactions;

namespace EnergyAuction.Chain;

/// <summary>The deployed market on one chain as five typed services. With a key, sends go through one
/// TransactionSender per key (shared by every client made with <see cref="As"/>, so nonces never collide);
/// without one the client is read-only. Sends check the chain id against the deployment record.</summary>
public sealed class MarketClient : IDisposable
{
    private readonly bool _ownsRpc;
    private readonly ConcurrentDictionary<string, TransactionSender> _senders;
    private readonly TransactionSenderOptions _options;

    public MarketClient(ChainRpcClient rpc, MarketDeploymentRecord deployment, AccountKey? key = null, TransactionSenderOptions? options = null)
        : this(rpc, deployment, key, options ?? new TransactionSenderOptions { ExpectedChainId = deployment.ChainId },
            new ConcurrentDictionary<string, TransactionSender>(StringComparer.OrdinalIgnoreCase), ownsRpc: false)
    {
    }

    private MarketClient(ChainRpcClient rpc, MarketDeploymentRecord deployment, AccountKey? key, TransactionSenderOptions options,
        ConcurrentDictionary<string, TransactionSender> senders, bool ownsRpc)
    {
        Rpc = rpc ?? throw new ArgumentNullException(nameof(rpc));
        Deployment = deployment ?? throw new ArgumentNullException(nameof(deployment));
        _options = options;
        _senders = senders;
        _ownsRpc = ownsRpc;
        Transactions = key is null ? null : _senders.GetOrAdd(key.Address, _ => new TransactionSender(rpc, key, options));
        Trade = new EnergyTradeService(rpc, deployment.EnergyTrade, Transactions);
        DataAccess = new DataAccessService(rpc, deployment.DataAccess, Transactions);
        OracleClient = new EnergyOracleClientService(rpc, deployment.EnergyOracleClient, Transactions);
        Operator = new OracleOperatorService(rpc, deployment.Operator, Transactions);
        Link = new LinkTokenService(rpc, deployment.LinkToken, Transactions);
    }

    /// <summary>Connects to a JSON-RPC endpoint; the client owns (and disposes) the connection.</summary>
    public static MarketClient Connect(string rpcUrl, MarketDeploymentRecord deployment, AccountKey? key = null, TransactionSenderOptions? options = null)
    {
        var rpc = new ChainRpcClient(new Uri(rpcUrl));
        return new MarketClient(rpc, deployment, key, options ?? new TransactionSenderOptions { ExpectedChainId = deployment.ChainId },
            new ConcurrentDictionary<string, TransactionSender>(StringComparer.OrdinalIgnoreCase), ownsRpc: true);
    }

    public ChainRpcClient Rpc { get; }

    public MarketDeploymentRecord Deployment { get; }

    /// <summary>The sender's transaction manager; null for a read-only client.</summary>
    public TransactionSender? Transactions { get; }

    /// <summary>The sender's address; null for a read-only client.</summary>
    public string? Account => Transactions?.Address;

    public EnergyTradeService Trade { get; }

    public DataAccessService DataAccess { get; }

    public EnergyOracleClientService OracleClient { get; }

    public OracleOperatorService Operator { get; }

    public LinkTokenService Link { get; }

    /// <summary>The same market and connection, sending as another key (its TransactionSender is created once and
    /// reused). Disposing the returned client does not close the shared connection.</summary>
    public MarketClient As(AccountKey key) =>
        new(Rpc, Deployment, key ?? throw new ArgumentNullException(nameof(key)), _options, _senders, ownsRpc: false);

    public void Dispose()
    {
        if (_ownsRpc) Rpc.Dispose();
    }
}
