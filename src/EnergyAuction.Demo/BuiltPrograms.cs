using System.Reflection;
using EnergyAuction.Devnet;

namespace EnergyAuction.Demo;

/// <summary>The HEMS and the operator daemon as built next to the demo (same build configuration), run with `dotnet`.</summary>
public static class BuiltPrograms
{
    private static string Configuration =>
        typeof(BuiltPrograms).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public static string Hems => RepoPaths.BuiltProgram("EnergyAuction.Hems", Configuration);

    public static string Operator => RepoPaths.BuiltProgram("EnergyAuction.Operator", Configuration);
}
