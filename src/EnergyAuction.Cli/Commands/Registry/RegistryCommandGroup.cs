using System.CommandLine;

namespace EnergyAuction.Cli.Commands.Registry;

/// <summary>`energy registry ...`: the feeder registry the DSO keeps in DataAccess (the distances between buses that
/// every posted match's distance is taken from).</summary>
public sealed class RegistryCommandGroup : ICommandGroup
{
    public Command Build(CliContext context)
    {
        var registry = new Command("registry", "The feeder distances between buses the DSO records on chain: record them (registrar), read one");
        registry.Add(RecordDistancesCommand.Build(context));
        registry.Add(DistanceCommand.Build(context));
        return registry;
    }
}
