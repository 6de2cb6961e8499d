using EnergyAuction.Data;

namespace EnergyAuction.Clearing.Tests;

[NonParallelizable]
public class SharedDataDirectoryTests
{
    private string? _saved;

    [SetUp]
    public void SaveVariable() => _saved = Environment.GetEnvironmentVariable(SharedDataDirectory.EnvironmentVariable);

    [TearDown]
    public void RestoreVariable() => Environment.SetEnvironmentVariable(SharedDataDirectory.EnvironmentVariable, _saved);

    [Test]
    public void A_configured_directory_wins_over_the_environment()
    {
        Environment.SetEnvironmentVariable(SharedDataDirectory.EnvironmentVariable, "/from/env");
        Assert.That(SharedDataDirectory.Resolve("/configured/data"), Is.EqualTo(Path.GetFullPath("/configured/data")));
    }

    [Test]
    public void The_environment_variable_wins_over_the_default()
    {
        Environment.SetEnvironmentVariable(SharedDataDirectory.EnvironmentVariable, "/from/env");
        Assert.That(SharedDataDirectory.Resolve(null), Is.EqualTo(Path.GetFullPath("/from/env")));
    }

    [Test]
    public void The_default_is_shared_data_next_to_the_repository()
    {
        Environment.SetEnvironmentVariable(SharedDataDirectory.EnvironmentVariable, null);
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "EnergyAuction.sln"))) root = root.Parent!;
        Assert.That(SharedDataDirectory.Resolve(""), Is.EqualTo(Path.GetFullPath(Path.Combine(root.FullName, "..", "shared", "data"))));
    }

    [Test]
    public void The_feeder_is_the_ieee_folder_of_the_data_directory() =>
        Assert.That(SharedDataDirectory.FeederDirectory("/d"), Is.EqualTo(Path.GetFullPath("/d/ieee-eu-lv")));
}
