using System.CommandLine;
using System.Globalization;
using EnergyAuction.Cli.Connection;

namespace EnergyAuction.Cli.Commands.Meter;

/// <summary>`energy meter status --meter ID`: who owns the meter, its feeder bus, and whether the market may read it.</summary>
public static class MeterStatusCommand
{
    public static Command Build(CliContext context)
    {
        var meter = MeterOption.Create();
        var command = new Command("status", "Show a meter's owner, feeder bus and whether the market may read it\n\nExample:\n  energy meter status --meter M-7")
        {
            meter, SharedOptions.Rpc, SharedOptions.Deployment,
        };
        command.SetAction(async (parseResult, _) =>
        {
            var id = parseResult.GetRequiredValue(meter);
            using var market = await MarketConnection.OpenAsync(parseResult);
            var info = await market.DataAccess.MeterOfAsync(id);
            var access = info.IsRegistered && await market.DataAccess.HasAccessAsync(id, market.Deployment.EnergyTrade);
            var output = context.For(parseResult);
            if (output.Json)
            {
                output.WriteJson(json =>
                {
                    json.WriteStartObject();
                    json.WriteString("meter", id);
                    json.WriteBoolean("registered", info.IsRegistered);
                    if (info.IsRegistered)
                    {
                        json.WriteString("owner", info.Owner);
                        json.WriteNumber("bus", info.Bus);
                    }

                    json.WriteBoolean("marketAccess", access);
                    json.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            if (!info.IsRegistered)
            {
                output.WriteLine($"meter {id}: not registered (the registrar, the DSO, registers meters with `energy meter register`)");
                return ExitCodes.Success;
            }

            output.WriteLine($"meter:   {id}");
            output.WriteLine($"owner:   {info.Owner}");
            output.WriteLine($"bus:     {info.Bus.ToString(CultureInfo.InvariantCulture)}");
            output.WriteLine($"market access: {(access ? "granted" : "not granted (the owner runs `energy meter grant --meter " + id + "`)")}");
            return ExitCodes.Success;
        });
        return command;
    }
}
