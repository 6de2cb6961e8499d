using System.Collections.Concurrent;
using EnergyAuction.Chain.Services;
using EnergyAuction.Ethereum.Crypto;
using EnergyAuction.Ethereum.Rpc;
using EnergyAuction.Ethereum.Transactions;

namespace EnergyAuction.Chain;

/// <summary>The deployed market on one chain as five typed services. With a key, sends go through one
/// TransactionManager per key (shared by every client made with <see cref="As"/>, so nonces never collide);
/// without one the client is read-only. Sends check the chain id against the deployment record.</summary>
public sealed class MarketClient : IDisposable
{
    private readonly bool _ownsRpc;
    private readonly ConcurrentDictionary<string, TransactionManager> _senders;
    private readonly TransactionManagerOptions _options;

    public MarketClient(EthRpcClient rpc, MarketDeploymentRecord deployment, EthECKey? key = null, TransactionManagerOptions? options = null)
        : this(rpc, deployment, key, options ?? new TransactionManagerOptions { ExpectedChainId = deployment.ChainId },
            new ConcurrentDictionary<string, TransactionManager>(StringComparer.OrdinalIgnoreCase), ownsRpc: false)
    {
    }

    private MarketClient(EthRpcClient rpc, MarketDeploymentRecord deployment, EthECKey? key, TransactionManagerOptions options,
        ConcurrentDictionary<string, TransactionManager> senders, bool ownsRpc)
    {
        Rpc = rpc ?? throw new ArgumentNullException(nameof(rpc));
        Deployment = deployment ?? throw new ArgumentNullException(nameof(deployment));
        _options = options;
        _senders = senders;
        _ownsRpc = ownsRpc;
        Transactions = key is null ? null : _senders.GetOrAdd(key.Address, _ => new TransactionManager(rpc, key, options));
        Trade = new EnergyTradeService(rpc, deployment.EnergyTrade, Transactions);
        DataAccess = new DataAccessService(rpc, deployment.DataAccess, Transactions);
        OracleClient = new EnergyOracleClientService(rpc, deployment.EnergyOracleClient, Transactions);
        Operator = new OracleOperatorService(rpc, deployment.Operator, Transactions);
        Link = new LinkTokenService(rpc, deployment.LinkToken, Transactions);
    }

    /// <summary>Connects to a JSON-RPC endpoint; the client owns (and disposes) the connection.</summary>
    public static MarketClient Connect(string rpcUrl, MarketDeploymentRecord deployment, EthECKey? key = null, TransactionManagerOptions? options = null)
    {
        var rpc = new EthRpcClient(new Uri(rpcUrl));
        return new MarketClient(rpc, deployment, key, options ?? new TransactionManagerOptions { ExpectedChainId = deployment.ChainId },
            new ConcurrentDictionary<string, TransactionManager>(StringComparer.OrdinalIgnoreCase), ownsRpc: true);
    }

    public EthRpcClient Rpc { get; }

    public MarketDeploymentRecord Deployment { get; }

    /// <summary>The sender's transaction manager; null for a read-only client.</summary>
    public TransactionManager? Transactions { get; }

    /// <summary>The sender's address; null for a read-only client.</summary>
    public string? Account => Transactions?.Address;

    public EnergyTradeService Trade { get; }

    public DataAccessService DataAccess { get; }

    public EnergyOracleClientService OracleClient { get; }

    public OracleOperatorService Operator { get; }

    public LinkTokenService Link { get; }

    /// <summary>The same market and connection, sending as another key (its TransactionManager is created once and
    /// reused). Disposing the returned client does not close the shared connection.</summary>
    public MarketClient As(EthECKey key) =>
        new(Rpc, Deployment, key ?? throw new ArgumentNullException(nameof(key)), _options, _senders, ownsRpc: false);

    public void Dispose()
    {
        if (_ownsRpc) Rpc.Dispose();
    }
}
