using System.CommandLine;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Crypto;

namespace EnergyAuction.Cli.Connection;

/// <summary>The market a command talks to: --rpc (or $ENERGY_RPC_URL) and the --deployment record, read-only or
/// signing with a wallet's key.</summary>
public static class MarketConnection
{
    /// <summary>The market, checked against the chain first (<see cref="DeploymentCheck"/>): what every command that
    /// reads or writes the market's contracts opens.</summary>
    public static async Task<MarketClient> OpenAsync(ParseResult parseResult, AccountKey? key = null)
    {
        var market = Open(parseResult, key);
        try
        {
            await DeploymentCheck.RequireAsync(market, SharedOptions.RequireDeployment(parseResult));
            return market;
        }
        catch
        {
            market.Dispose();
            throw;
        }
    }

    /// <summary>The chain and the record without checking the contracts: for moving ether (`energy send`).</summary>
    public static MarketClient Open(ParseResult parseResult, AccountKey? key = null)
    {
        var rpc = SharedOptions.RequireRpc(parseResult);
        var path = SharedOptions.RequireDeployment(parseResult);
        MarketDeploymentRecord deployment;
        try
        {
            deployment = MarketDeploymentRecord.Load(path);
        }
        catch (InvalidDataException e)
        {
            throw CliException.Usage($"--deployment: {e.Message}", e);
        }

        return MarketClient.Connect(rpc.ToString(), deployment, key);
    }

    /// <summary>The chain's current time (the latest block's timestamp): deadlines are judged by it, not the wall clock.</summary>
    public static async Task<ulong> ChainTimeAsync(MarketClient market) =>
        (await market.Rpc.GetBlockAsync("latest").ConfigureAwait(false))?.Timestamp
        ?? throw CliException.Failure($"the node at {market.Rpc.Endpoint} returned no latest block");
}
