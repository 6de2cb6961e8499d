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

    /// <summary>
    /// The bearer token that authorises <c>POST /meters/{id}/readings</c>; null disables writes. Read from
    /// appsettings.json or <see cref="WriteTokenVariable"/>, never from a command-line switch.
    /// </summary>
    public string? WriteToken { get; init; }

    /// <summary>Shortest write token accepted: a guessable token is no protection.</summary>
    public const int MinWriteTokenLength = 16;

    /// <summary>Prefix of the HEMS's environment variables (e.g. <c>ENERGY_HEMS_TIMESCALE</c>).</summary>
    public const string EnvironmentPrefix = "ENERGY_HEMS_";

    /// <summary>The environment variable that sets <see cref="WriteToken"/>.</summary>
    public const string WriteTokenVariable = EnvironmentPrefix + "WRITETOKEN";

    /// <summary>Command-line switches (besides ASP.NET Core's own <c>--urls</c>).</summary>
    public static readonly IDictionary<string, string> SwitchMappings = new Dictionary<string, string>
    {
        ["--data-dir"] = nameof(DataDirectory),
        ["--households"] = nameof(HouseholdsFile),
        ["--time-scale"] = nameof(TimeScale),
        ["--origin"] = nameof(Origin),
    };

    /// <summary>
    /// The settings a started HEMS reads besides its switches: appsettings.json next to the program, then
    /// the <see cref="EnvironmentPrefix"/> environment variables (keys as in appsettings.json).
    /// </summary>
    public static IConfiguration Settings() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables(EnvironmentPrefix)
        .Build();

    /// <summary>
    /// Reads the options from <paramref name="settings"/> (see <see cref="Settings"/>) overridden by command-line
    /// switches; the write token only from the settings. Throws <see cref="ArgumentException"/> naming a bad switch.
    /// </summary>
    public static HemsOptions FromArgs(string[] args, IConfiguration? settings = null)
    {
        RejectTokenSwitches(args);
        var config = new ConfigurationBuilder()
            .AddConfiguration(settings ?? new ConfigurationBuilder().Build())
            .AddCommandLine(args, SwitchMappings)
            .Build();
        var options = new HemsOptions
        {
            Urls = config["urls"],
            DataDirectory = config[nameof(DataDirectory)],
            HouseholdsFile = config[nameof(HouseholdsFile)],
            TimeScale = ParseLong(config[nameof(TimeScale)], "--time-scale") ?? 1,
            Origin = ParseLong(config[nameof(Origin)], "--origin"),
            WriteToken = settings?[nameof(WriteToken)] is { Length: > 0 } token ? token : null,
        };
        options.Validate();
        return options;
    }

    // The record's printed form (logs, test messages) never shows the token itself.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Urls = {Urls}, DataDirectory = {DataDirectory}, HouseholdsFile = {HouseholdsFile}, ");
        builder.Append($"TimeScale = {TimeScale}, Origin = {Origin}, WriteToken = {(WriteToken is null ? "none" : "(set)")}");
        return true;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when a value cannot work.</summary>
    public void Validate()
    {
        if (TimeScale < 1)
            throw new ArgumentException($"--time-scale must be a whole number >= 1, got {TimeScale}");
        if (Origin is < 0)
            throw new ArgumentException($"--origin must be unix seconds >= 0, got {Origin}");
        if (WriteToken is { Length: < MinWriteTokenLength })
            throw new ArgumentException(
                $"the write token ({WriteTokenVariable} or WriteToken in appsettings.json) must be at least {MinWriteTokenLength} characters");
    }

    // A token on the command line ends up in shell history and `ps` output.
    private static void RejectTokenSwitches(string[] args)
    {
        foreach (var arg in args)
            if (SwitchKey(arg)?.Contains("token", StringComparison.OrdinalIgnoreCase) == true)
                throw new ArgumentException(
                    $"the write token is never taken from the command line; set {WriteTokenVariable} or WriteToken in appsettings.json");
    }

    // The configuration key an argument sets in any of the forms AddCommandLine accepts (--k v, -k, /k, k=v), or null for a value.
    private static string? SwitchKey(string arg)
    {
        var key = arg.Split('=', 2)[0];
        if (key.StartsWith('-')) return key.TrimStart('-');
        if (key.StartsWith('/') && key.LastIndexOf('/') == 0) return key[1..];
        return arg.Contains('=') ? key : null;
    }

    private static long? ParseLong(string? text, string name)
    {
        if (text is null) return null;
        return long.TryParse(text, out var value)
            ? value
            : throw new ArgumentException($"{name} must be a whole number, got '{text}'");
    }
}
