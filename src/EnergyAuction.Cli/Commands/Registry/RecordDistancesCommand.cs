using System.CommandLine;
using EnergyAuction.Chain.Services;
using EnergyAuction.Clearing;
using EnergyAuction.Cli.Connection;
using EnergyAuction.Cli.Wallet;
using EnergyAuction.Data;
using EnergyAuction.Market.Feeder;

namespace EnergyAuction.Cli.Commands.Registry;

/// <summary>`energy registry record-distances [--data-dir DIR] [--batch N] --from dso` (registrar, the DSO): the
/// distance between every two load buses of the IEEE feeder, recorded in DataAccess so every posted match's distance is
/// the registry's. Pairs already recorded with the same figure are skipped: a second run sends nothing.</summary>
public static class RecordDistancesCommand
{
    // About 27,000 gas per new pair: 1,000 pairs stay below a 30M-gas block.
    private const int MaxPairsPerTransaction = 1_000;

    public static Command Build(CliContext context)
    {
        var dataDir = FeederOption.Create();
        var batch = new Option<int>("--batch")
        {
            Description = $"Distances per transaction (1 to {MaxPairsPerTransaction:N0})",
            DefaultValueFactory = _ => RegistryRecording.DefaultPairsPerTransaction,
            Validators =
            {
                r =>
                {
                    if (r.GetValueOrDefault<int>() is < 1 or > MaxPairsPerTransaction)
                        r.AddError($"--batch must be between 1 and {MaxPairsPerTransaction:N0} distances per transaction");
                },
            },
        };
        var command = new Command("record-distances",
            "Record the distance between every two load buses of the IEEE feeder in the feeder registry (registrar wallet: the DSO's)\n\nExample:\n  energy registry record-distances --from dso")
        {
            dataDir, batch, SharedOptions.From, SharedOptions.KeystoreDir, SharedOptions.Rpc, SharedOptions.Deployment,
        };
        command.SetAction(async (parseResult, _) =>
        {
            var distances = LoadIeeeFeeder(parseResult.GetValue(dataDir));
            var (wallet, key) = WalletUnlock.Unlock(context, parseResult);
            using var market = await MarketConnection.OpenAsync(parseResult, key);
            if (!await market.DataAccess.HasRoleAsync(DataAccessService.RegistrarRole, key.Address))
                throw CliException.Failure($"wallet {wallet.Name} ({wallet.Address}) does not hold the registrar role on DataAccess {market.Deployment.DataAccess}: "
                    + $"only the DSO records feeder distances (the registrar `energy deploy --registrar` named is {market.Deployment.Registrar}); pass --from with its wallet");

            var result = await RegistryRecording.RecordAsync(market.DataAccess, distances, parseResult.GetValue(batch),
                (sent, total) => context.Note($"recorded {sent:N0} of {Plural.Grouped(total, "distance")}"));
            var between = $"between {Plural.Grouped(distances.Buses.Count, "load bus")}";
            var text = result.Recorded == 0
                ? $"all {Plural.Grouped(result.AlreadyRecorded, "distance")} {between} were already recorded; nothing sent"
                : $"recorded {Plural.Grouped(result.Recorded, "distance")} {between} in {Plural.Grouped(result.Transactions, "transaction")}"
                  + (result.AlreadyRecorded > 0 ? $" ({result.AlreadyRecorded:N0} already recorded)" : "");
            context.For(parseResult).WriteResult(text, json =>
            {
                json.WriteNumber("loadBuses", distances.Buses.Count);
                json.WriteNumber("pairs", distances.Pairs.Count);
                json.WriteNumber("recorded", result.Recorded);
                json.WriteNumber("alreadyRecorded", result.AlreadyRecorded);
                json.WriteNumber("transactions", result.Transactions);
            });
            return ExitCodes.Success;
        });
        return command;
    }

    // The generated fallback feeder is a stand-in for development; the DSO records the real feeder, so without it there
    // is nothing to record.
    private static RegistryDistances LoadIeeeFeeder(string? dataDirOption)
    {
        var dataDir = SharedDataDirectory.Resolve(dataDirOption);
        var feederDir = SharedDataDirectory.FeederDirectory(dataDir);
        if (!File.Exists(Path.Combine(feederDir, "lines.csv")))
            throw CliException.Failure($"no IEEE feeder under {dataDir}: looked for {Path.Combine(feederDir, "lines.csv")}; "
                + $"pass --data-dir DIR (the folder holding {SharedDataDirectory.FeederFolder}/) or set {SharedDataDirectory.EnvironmentVariable}");
        try
        {
            return RegistryDistances.Of(feederDir);
        }
        catch (FeederException e)
        {
            throw CliException.Failure($"the feeder in {feederDir} cannot be read: {e.Message}", e);
        }
    }
}
