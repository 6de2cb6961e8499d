using System.Globalization;

namespace EnergyAuction.Devnet;

/// <summary>A real Hardhat node (`hardhat node`): automining, EIP-1559 fees, the test mnemonic's accounts unlocked.</summary>
public sealed class HardhatNode : DevChainNode
{
    public const int ChainId = 31337;

    private HardhatNode(ChildProcess process, int port) : base(process, port, ChainId)
    {
    }

    /// <summary>Starts a node from the repository root and waits until it answers eth_chainId; on failure the error shows its output.</summary>
    /// <param name="logFile">Where to copy the node's output, if anywhere.</param>
    public static Task<HardhatNode> StartAsync(string? logFile = null)
    {
        var root = RepoPaths.Root;
        var cli = RepoPaths.HardhatCli;
        if (!File.Exists(cli)) throw new FileNotFoundException($"Hardhat is not installed under {root}; run scripts/setup.sh", cli);
        var port = LoopbackPort.Free();
        var process = ChildProcess.Start("hardhat node", "node",
            [cli, "node", "--hostname", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture)], root, logFile: logFile);
        return ReadyAsync(new HardhatNode(process, port));
    }
}
