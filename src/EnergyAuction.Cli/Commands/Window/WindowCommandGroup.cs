using System.CommandLine;

namespace EnergyAuction.Cli.Commands.Window;

/// <summary>`energy window ...`: open a trading window (operator) and follow one.</summary>
public sealed class WindowCommandGroup : ICommandGroup
{
    public Command Build(CliContext context)
    {
        var window = new Command("window", "Open trading windows (operator) and watch their phases");
        window.Add(WindowOpenCommand.Build(context));
        window.Add(WindowStatusCommand.Build(context));
        return window;
    }
}
