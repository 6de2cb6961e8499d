using System.Globalization;

namespace EnergyAuction.Devnet;

/// <summary>An anvil node (Foundry, an independent Ethereum implementation) set up like the consortium's Besu chain:
/// a block every 2 s whether or not transactions wait, zero base fee and gas price, its own chain id. It funds the
/// Hardhat test mnemonic's accounts, but clients are meant to sign locally (no eth_sendTransaction).</summary>
public sealed class AnvilNode : DevChainNode
{
    /// <summary>Not Hardhat's 31337, so a client that assumed a Hardhat chain would fail its chain-id check.</summary>
    public const int ChainId = 1337;

    public const int BlockTimeSeconds = 2;

    private const string TestMnemonic = "test test test test test test test test test test test junk";

    private AnvilNode(ChildProcess process, int port) : base(process, port, ChainId)
    {
    }

    /// <summary>Starts anvil and waits until it answers eth_chainId; on failure the error shows its output.</summary>
    /// <param name="logFile">Where to copy the node's output, if anywhere.</param>
    public static Task<AnvilNode> StartAsync(string? logFile = null)
    {
        var anvil = FoundryTool.Path("anvil");
        var port = LoopbackPort.Free();
        var process = ChildProcess.Start("anvil", anvil,
        [
            "--host", "127.0.0.1",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--chain-id", ChainId.ToString(CultureInfo.InvariantCulture),
            "--block-time", BlockTimeSeconds.ToString(CultureInfo.InvariantCulture),
            "--base-fee", "0",
            "--gas-price", "0",
            // Otherwise eth_gasPrice suggests a 1 gwei tip on top of the zero base fee, which Besu's free gas does not.
            "--disable-min-priority-fee",
            "--mnemonic", TestMnemonic,
            // One more than Keys: the last is the registrar's.
            "--accounts", (HardhatAccounts.PrivateKeys.Count + 1).ToString(CultureInfo.InvariantCulture),
            "--balance", "10000",
        ], RepoPaths.Root, logFile: logFile);
        return ReadyAsync(new AnvilNode(process, port));
    }
}
