using System.CommandLine;
using System.Globalization;
using EnergyAuction.Cli.Connection;
using EnergyAuction.Cli.Wallet;

namespace EnergyAuction.Cli.Commands.Meter;

/// <summary>`energy meter register --meter ID --owner ADDRESS --bus N` (registrar, the DSO): a household's meter and where it sits on the feeder.</summary>
public static class MeterRegisterCommand
{
    public static Command Build(CliContext context)
    {
        var meter = MeterOption.Create("Meter id to register, e.g. M-7");
        var owner = Addresses.Option("--owner", "The household's address (the meter's owner)");
        owner.Required = true;
        var bus = new Option<uint>("--bus") { Description = "Feeder bus number of the meter (ieee-eu-lv loads.csv)", Required = true };
        var dataDir = FeederOption.Create();
        var command = new Command("register",
            "Register a meter with its owner and feeder bus (registrar wallet: the DSO's)\n\nExample:\n  energy meter register --meter M-7 --owner 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 --bus 178 --from registrar")
        {
            meter, owner, bus, dataDir, SharedOptions.From, SharedOptions.KeystoreDir, SharedOptions.Rpc, SharedOptions.Deployment,
        };
        command.SetAction(async (parseResult, _) =>
        {
            var id = parseResult.GetRequiredValue(meter);
            var ownerAddress = parseResult.GetRequiredValue(owner);
            var busNumber = parseResult.GetValue(bus);
            RequireOnFeeder(FeederOption.Load(context, parseResult.GetValue(dataDir)), busNumber);
            var (_, key) = WalletUnlock.Unlock(context, parseResult);
            using var market = await MarketConnection.OpenAsync(parseResult, key);
            var receipt = await market.DataAccess.RegisterMeterAsync(id, ownerAddress, busNumber);
            context.For(parseResult).WriteResult($"registered meter {id} on bus {busNumber.ToString(CultureInfo.InvariantCulture)} for {ownerAddress}", json =>
            {
                json.WriteString("meter", id);
                json.WriteString("owner", ownerAddress);
                json.WriteNumber("bus", busNumber);
                json.WriteString("transaction", receipt.TransactionHash);
            });

            return ExitCodes.Success;
        });
        return command;
    }

    // A meter off the feeder's load buses could never be paired: the feeder registry (energy registry record-distances)
    // holds the distances between load buses only, and postClearing takes every distance from it. The generated fallback
    // feeder (no data directory) numbers its buses differently, so there the bus is not judged.
    private static void RequireOnFeeder(Clearing.ClearingFeeder feeder, uint bus)
    {
        var name = bus.ToString(CultureInfo.InvariantCulture);
        if (feeder.IsFallback) return;
        if (!feeder.Distances.Contains(name))
            throw CliException.Usage($"--bus {name} is not a bus of the feeder in {feeder.Directory}; its loads.csv lists the buses meters sit on (e.g. 34)");
        if (!Data.Feeder.FeederFiles.LoadDirectory(feeder.Directory).LoadBus.Values.Contains(name, StringComparer.Ordinal))
            throw CliException.Usage($"--bus {name} is on the feeder in {feeder.Directory} but no load sits on it: the feeder registry holds distances between load buses only (loads.csv lists them, e.g. 34)");
    }
}
