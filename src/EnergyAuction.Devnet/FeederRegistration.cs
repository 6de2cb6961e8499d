using EnergyAuction.Chain;
using EnergyAuction.Clearing;

namespace EnergyAuction.Devnet;

/// <summary>What the Devnet's DSO records in the feeder registry after deploying: the <see cref="RegistryDistances"/>
/// of the data directory's feeder (the IEEE LV feeder's 1,485 load-bus pairs, or the fallback feeder's 45 trunk-bus
/// pairs when the data directory has none), with the dev registrar's key, so every match the daemon posts finds its
/// distance on chain.</summary>
public static class FeederRegistration
{
    public static async Task RecordAsync(DevChainNode node, MarketDeploymentRecord deployment, string dataDirectory)
    {
        var distances = RegistryDistances.Of(Data.SharedDataDirectory.FeederDirectory(dataDirectory));
        using var registrar = new MarketClient(node.Rpc, deployment, HardhatAccounts.Registrar);
        await RegistryRecording.RecordAsync(registrar.DataAccess, distances).ConfigureAwait(false);
    }
}
