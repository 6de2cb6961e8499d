namespace EnergyAuction.Cli.Tests;

/// <summary>One temporary folder for the files the CLI tests write (order books, key files), removed when the run ends.</summary>
[SetUpFixture]
public sealed class ScratchFolder
{
    private static readonly Lazy<string> Folder = new(() => Directory.CreateTempSubdirectory("cli-tests-").FullName);

    /// <summary>A fresh path for a file named after <paramref name="prefix"/> inside the scratch folder.</summary>
    public static string NewFile(string prefix, string extension) => Path.Combine(Folder.Value, $"{prefix}-{Guid.NewGuid():N}.{extension}");

    [OneTimeTearDown]
    public void Remove()
    {
        if (Folder.IsValueCreated)
            Directory.Delete(Folder.Value, recursive: true);
    }
}
