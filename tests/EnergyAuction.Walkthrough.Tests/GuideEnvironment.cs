using System.Collections;
using System.Net;
using System.Net.Sockets;

namespace EnergyAuction.Walkthrough.Tests;

/// <summary>
/// Where the guides run: the repository root as the working directory (the reader's clone), a fresh temporary HOME (so
/// wallets land in $HOME/.energy/keystore and nothing of the machine's own ~/.energy is read), and the machine's
/// environment without any ENERGY_ or XDG_ variable (the guide sets what it needs). NuGet's package folder and the .NET
/// CLI home stay the machine's, so `dotnet` does not restore into the empty HOME.
/// </summary>
public sealed class GuideEnvironment : IDisposable
{
    private GuideEnvironment(string repository, string scratch)
    {
        Repository = repository;
        Scratch = scratch;
        Home = Directory.CreateDirectory(Path.Combine(scratch, "home")).FullName;
    }

    public string Repository { get; }

    /// <summary>The temporary folder holding <see cref="Home"/>, removed at the end.</summary>
    public string Scratch { get; }

    public string Home { get; }

    /// <summary>The output folder of a program this test run built (the same configuration as the test), e.g. EnergyAuction.Cli.</summary>
    public string Built(string project) => Path.Combine(Repository, "src", project, "bin", Configuration, "net10.0");

    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;

    public static GuideEnvironment Create() => new(RepositoryPath(), Directory.CreateTempSubdirectory("walkthrough-").FullName);

    public IReadOnlyDictionary<string, string?> Variables()
    {
        var machineHome = Environment.GetEnvironmentVariable("HOME") ?? "/root";
        var variables = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(e => ((string)e.Key, e.Value as string))
            .Where(e => !e.Item1.StartsWith("ENERGY_", StringComparison.Ordinal) && !e.Item1.StartsWith("XDG_", StringComparison.Ordinal))
            .ToDictionary(e => e.Item1, e => e.Item2, StringComparer.Ordinal);
        variables["HOME"] = Home;
        variables.TryAdd("NUGET_PACKAGES", Path.Combine(machineHome, ".nuget", "packages"));
        variables.TryAdd("DOTNET_CLI_HOME", machineHome);
        // A fresh HOME has no record of npm's last update check, so `npx` would ask the registry on every run.
        variables["NPM_CONFIG_UPDATE_NOTIFIER"] = "false";
        return variables;
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => Directory.Delete(Scratch, recursive: true);

    public static string RepositoryPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EnergyAuction.sln"))) return dir.FullName;
        throw new InvalidOperationException("no EnergyAuction.sln above " + AppContext.BaseDirectory);
    }
}
