using Microsoft.Extensions.Configuration;

namespace EnergyAuction.Hems;

/// <summary>How the HEMS is started: where its data is, which households it meters, how fast time runs.</summary>
public sealed record HemsOptions
{
    /// <summary>Loopback by default: the HEMS is read by the operator's oracle job on the same host.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Kestrel listen URLs; null means <see cref="DefaultUrl"/> unless <c>--urls</c> is given.</summary>
    public string? Urls { get; init; }

    /// <summary>The shared data directory; null means <c>../shared/data</c> relative to the repository root.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Households JSON file; null means the 55 default households of the IEEE feeder.</summary>
    public string? HouseholdsFile { get; init; }

    /// <summary>Simulated seconds per real (or chain) second; 60 replays one profile hour per real minute.</summary>
    public long TimeScale { get; init; } = 1;

    /// <summary>Unix seconds at which simulated and real time coincide and the meters start; null means start-up time.</summary>
    public long? Origin { get; init; }

    /// <summary>Command-line switches (besides ASP.NET Core's own <c>--urls</c>).</summary>
    public static readonly IDictionary<string, string> SwitchMappings = new Dictionary<string, string>
    {
        ["--data-dir"] = nameof(DataDirectory),
        ["--households"] = nameof(HouseholdsFile),
        ["--time-scale"] = nameof(TimeScale),
        ["--origin"] = nameof(Origin),
    };

    /// <summary>Reads the options from command-line arguments; throws <see cref="ArgumentException"/> naming a bad switch.</summary>
    public static HemsOptions FromArgs(string[] args)
    {
        var config = new ConfigurationBuilder().AddCommandLine(args, SwitchMappings).Build();
        var options = new HemsOptions
        {
            Urls = config["urls"],
            DataDirectory = config[nameof(DataDirectory)],
            HouseholdsFile = config[nameof(HouseholdsFile)],
            TimeScale = ParseLong(config[nameof(TimeScale)], "--time-scale") ?? 1,
            Origin = ParseLong(config[nameof(Origin)], "--origin"),
        };
        options.Validate();
        return options;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when a value cannot work.</summary>
    public void Validate()
    {
        if (TimeScale < 1)
            throw new ArgumentException($"--time-scale must be a whole number >= 1, got {TimeScale}");
        if (Origin is < 0)
            throw new ArgumentException($"--origin must be unix seconds >= 0, got {Origin}");
    }

    private static long? ParseLong(string? text, string name)
    {
        if (text is null) return null;
        return long.TryParse(text, out var value)
            ? value
            : throw new ArgumentException($"{name} must be a whole number, got '{text}'");
    }
}
