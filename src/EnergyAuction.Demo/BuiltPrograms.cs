using System.Reflection;
using EnergyAuction.Devnet;

namespace EnergyAuction.Demo;

/// <summary>The HEMS, the operator daemon and the explorer as built next to the demo (same build configuration), run with `dotnet`.</summary>
public static class BuiltPrograms
{
    private static string Configuration =>
        typeof(BuiltPrograms).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public static string Hems => RepoPaths.BuiltProgram("EnergyAuction.Hems", Configuration);

    public static string Operator => RepoPaths.BuiltProgram("EnergyAuction.Operator", Configuration);

    public static string Explorer => RepoPaths.BuiltProgram("EnergyAuction.Explorer", Configuration, "explorer");
}
