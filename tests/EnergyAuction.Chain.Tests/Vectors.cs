using System.Text.Json;

namespace EnergyAuction.Chain.Tests;

/// <summary>Reads the ethers-made reference vectors (scripts/ethers-vectors.js) copied next to the tests.</summary>
internal static class Vectors
{
    public static JsonElement Load(string name)
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Vectors", name);
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    public static IEnumerable<JsonElement> Items(string name) => Load(name).EnumerateArray().ToList();

    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString()!;
}
