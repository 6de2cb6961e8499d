using System.CommandLine;

namespace EnergyAuction.Cli.Commands.Window;

/// <summary>`energy window ...`: open a trading window (operator) and follow one.</summary>
public sealed class WindowCommandGroup : ICommandGroup
{
    public Command Build(CliContext context)
    {
        var window = new Command("window", "Open trading windows (operator), watch their phases, cancel or settle one whose operator went silent");
        window.Add(WindowOpenCommand.Build(context));
        window.Add(WindowStatusCommand.Build(context));
        window.Add(WindowCancelCommand.Build(context));
        window.Add(WindowSettleCommand.Build(context));
        return window;
    }
}
