using System.CommandLine;
using System.Globalization;
using EnergyAuction.Cli.Connection;

namespace EnergyAuction.Cli.Commands.Registry;

/// <summary>`energy registry distance --bus-a N --bus-b N`: the distance the feeder registry holds between two buses.</summary>
public static class DistanceCommand
{
    public static Command Build(CliContext context)
    {
        var busA = new Option<uint>("--bus-a") { Description = "One feeder bus number (a meter's bus, see `energy meter status`)", Required = true };
        var busB = new Option<uint>("--bus-b") { Description = "The other feeder bus number", Required = true };
        var command = new Command("distance",
            "Show the feeder distance the DSO recorded between two buses\n\nExample:\n  energy registry distance --bus-a 178 --bus-b 208")
        {
            busA, busB, SharedOptions.Rpc, SharedOptions.Deployment,
        };
        command.SetAction(async (parseResult, _) =>
        {
            var (a, b) = (parseResult.GetValue(busA), parseResult.GetValue(busB));
            using var market = await MarketConnection.OpenAsync(parseResult);
            var metres = await market.DataAccess.DistanceBetweenAsync(a, b);
            var buses = $"buses {a.ToString(CultureInfo.InvariantCulture)} and {b.ToString(CultureInfo.InvariantCulture)}";
            var text = metres is { } m
                ? $"{buses}: {m.ToString(CultureInfo.InvariantCulture)} m"
                : $"{buses}: not recorded (the DSO records the feeder's distances with `energy registry record-distances`)";
            context.For(parseResult).WriteResult(text, json =>
            {
                json.WriteNumber("busA", a);
                json.WriteNumber("busB", b);
                json.WriteBoolean("recorded", metres is not null);
                if (metres is { } m) json.WriteNumber("metres", m);
            });
            return ExitCodes.Success;
        });
        return command;
    }
}
