namespace EnergyAuction.Hems.Tests;

/// <summary>A households JSON file in the temp folder, deleted when disposed so test runs leave nothing behind.</summary>
internal sealed class TempHouseholdsFile : IDisposable
{
    public TempHouseholdsFile(string json)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"households-{Guid.NewGuid():N}.json");
        File.WriteAllText(Path, json);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
