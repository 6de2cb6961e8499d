using System.CommandLine;

namespace EnergyAuction.Cli;

/// <summary>A top-level verb without subcommands (balance, offer, ...) registered like a group.</summary>
public sealed class SingleCommandGroup(Func<CliContext, Command> build) : ICommandGroup
{
    public Command Build(CliContext context) => build(context);
}
