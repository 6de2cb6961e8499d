using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text;
using EnergyAuction.Ethereum.Crypto;
using EnergyAuction.Ethereum.Hex;
using EnergyAuction.Ethereum.Rpc;
using EnergyAuction.Ethereum.Transactions;

namespace EnergyAuction.Testing;

/// <summary>A real Hardhat node (`hardhat node`) on a free loopback port, for integration tests. Start one per
/// fixture in [OneTimeSetUp] and dispose it in [OneTimeTearDown]; chain time moves with evm_increaseTime.</summary>
public sealed class HardhatNode : IAsyncDisposable
{
    public const int ChainId = 31337;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private const int MaxOutputChars = 20_000;

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HardhatNode(Process process, int port)
    {
        _process = process;
        Port = port;
        RpcUrl = $"http://127.0.0.1:{port}";
        Rpc = new EthRpcClient(new Uri(RpcUrl));
    }

    public int Port { get; }

    public string RpcUrl { get; }

    public EthRpcClient Rpc { get; }

    /// <summary>The 20 funded Hardhat accounts (10,000 ETH each at start).</summary>
    public IReadOnlyList<EthECKey> Accounts => HardhatAccounts.Keys;

    public bool IsRunning => !_process.HasExited;

    /// <summary>What the node printed so far (capped), for diagnosing failures.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static async Task<HardhatNode> StartAsync()
    {
        var root = RepoPaths.Root;
        var cli = Path.Combine(root, "node_modules", "hardhat", "internal", "cli", "bootstrap.js");
        if (!File.Exists(cli)) throw new FileNotFoundException($"Hardhat is not installed under {root}; run scripts/setup.sh", cli);
        var port = FreeLoopbackPort();
        // bash keeps the node in its own process group and kills it when our stdin closes, so a crashed test
        // host does not leave nodes behind; Dispose kills the whole tree.
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "bash", "-c",
                     "exec 3<&0; node \"$0\" node --hostname 127.0.0.1 --port \"$1\" </dev/null & child=$!; " +
                     "{ cat <&3 >/dev/null; kill $child 2>/dev/null; } & wait $child",
                     cli, port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
            start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start hardhat node");
        var node = new HardhatNode(process, port);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await node.WaitUntilReadyAsync().ConfigureAwait(false);
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return node;
    }

    /// <summary>Moves chain time forward and mines a block so the new timestamp is visible to calls.</summary>
    public async Task IncreaseTimeAsync(long seconds)
    {
        await Rpc.RequestAsync<object>("evm_increaseTime", seconds).ConfigureAwait(false);
        await MineAsync().ConfigureAwait(false);
    }

    public Task MineAsync() => Rpc.RequestAsync<object>("evm_mine");

    public async Task<ulong> LatestTimestampAsync() =>
        (await Rpc.GetBlockAsync("latest").ConfigureAwait(false))!.Timestamp;

    /// <summary>Snapshots the whole chain state; RevertAsync(id) returns to it (each id works once).</summary>
    public Task<string> SnapshotAsync() => Rpc.RequestAsync<string>("evm_snapshot");

    public Task<bool> RevertAsync(string snapshotId) => Rpc.RequestAsync<bool>("evm_revert", snapshotId);

    /// <summary>With automine off, transactions wait in the mempool until MineAsync (or interval mining).</summary>
    public Task SetAutomineAsync(bool enabled) => Rpc.RequestAsync<object>("evm_setAutomine", enabled);

    public Task SetIntervalMiningAsync(int milliseconds) => Rpc.RequestAsync<object>("evm_setIntervalMining", milliseconds);

    public Task SetBalanceAsync(string address, BigInteger wei) =>
        Rpc.RequestAsync<object>("hardhat_setBalance", address, HexConvert.ToQuantity(wei));

    /// <summary>A brand-new key holding the given balance (default 100 ETH).</summary>
    public async Task<EthECKey> NewFundedKeyAsync(BigInteger? wei = null)
    {
        var key = EthECKey.GenerateNew();
        await SetBalanceAsync(key.Address, wei ?? BigInteger.Pow(10, 20)).ConfigureAwait(false);
        return key;
    }

    /// <summary>A transaction manager for a key on this node's chain.</summary>
    public TransactionManager NewTransactionManager(EthECKey key, TransactionManagerOptions? options = null) =>
        new(Rpc, key, options ?? new TransactionManagerOptions { ExpectedChainId = ChainId });

    /// <summary>Kills the node abruptly (fault tests: the RPC server disappears mid-run).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // never started or already reaped
        }
        Rpc.Dispose();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var probe = new EthRpcClient(new Uri(RpcUrl), options: new RpcResilienceOptions { MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(2) });
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"hardhat node exited with code {_process.ExitCode} before it was ready. Output:\n{Output}");
            try
            {
                if (await probe.ChainIdAsync().ConfigureAwait(false) == ChainId) return;
            }
            catch (RpcUnavailableException)
            {
                // not listening yet
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"hardhat node on {RpcUrl} not ready within {StartTimeout.TotalSeconds:0}s. Output:\n{Output}");
            await Task.Delay(150).ConfigureAwait(false);
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            if (_output.Length < MaxOutputChars) _output.AppendLine(line);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
