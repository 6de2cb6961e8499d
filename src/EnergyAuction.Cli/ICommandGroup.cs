using System.CommandLine;

namespace EnergyAuction.Cli;

/// <summary>A top-level noun of the tool (market, wallet, window, ...) and its subcommands.</summary>
public interface ICommandGroup
{
    Command Build(CliContext context);
}
