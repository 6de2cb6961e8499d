using System.CommandLine;

namespace EnergyAuction.Cli.Commands.Meter;

/// <summary>`energy meter ...`: the meter registry (DataAccess) and the household's read-access grants.</summary>
public sealed class MeterCommandGroup : ICommandGroup
{
    public Command Build(CliContext context)
    {
        var meter = new Command("meter", "Grant or revoke the market's access to your meter, check it, register meters (registrar)");
        meter.Add(MeterAccessCommand.Build(context, grant: true));
        meter.Add(MeterAccessCommand.Build(context, grant: false));
        meter.Add(MeterStatusCommand.Build(context));
        meter.Add(MeterRegisterCommand.Build(context));
        return meter;
    }
}
