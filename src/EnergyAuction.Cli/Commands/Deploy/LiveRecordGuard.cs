using EnergyAuction.Chain;
using EnergyAuction.Chain.Rpc;

namespace EnergyAuction.Cli.Commands.Deploy;

/// <summary>
/// Keeps `energy deploy` from overwriting the record of a market that is still on the chain: households and the daemon
/// find the market through that file, and a new deployment would silently strand its orders and deposits.
/// </summary>
public static class LiveRecordGuard
{
    /// <summary>Fails (exit 1) when <paramref name="file"/> is a record whose chain is the one at the RPC endpoint and
    /// one of whose contracts still has code there; a missing file, another chain or a reset node pass.</summary>
    public static async Task RequireReplaceableAsync(ChainRpcClient rpc, string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file)) return;
        MarketDeploymentRecord record;
        try
        {
            record = MarketDeploymentRecord.Load(file);
        }
        catch (InvalidDataException e)
        {
            throw CliException.Failure($"{file} exists and is not a deployment record ({e.Message}); pass --force to replace it or --out FILE");
        }
        if (await rpc.ChainIdAsync(cancellationToken) != record.ChainId) return;
        foreach (var (name, address) in new[] { ("EnergyTrade", record.EnergyTrade), ("DataAccess", record.DataAccess),
                     ("EnergyOracleClient", record.EnergyOracleClient), ("Operator", record.Operator), ("LinkToken", record.LinkToken) })
        {
            if ((await rpc.GetCodeAsync(address, ct: cancellationToken)).Length > 0)
                throw CliException.Failure(
                    $"deployment {file} is a live market: {name} {address} still has code on the chain at {rpc.Endpoint}; pass --force to replace it or --out FILE");
        }
    }
}
