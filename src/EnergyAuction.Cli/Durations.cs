using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EnergyAuction.Cli;

/// <summary>Durations on the command line: seconds ("600", "600s") or with a unit ("10m", "1h", "2d"); whole seconds only.</summary>
public static partial class Durations
{
    public static uint ParseSeconds(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
            throw new FormatException($"\"{text}\" is not a duration: expected whole seconds or a number with s, m, h or d (e.g. 90s, 10m)");
        var unit = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "" or "s" => 1UL,
            "m" => 60UL,
            "h" => 3600UL,
            _ => 86_400UL,
        };
        var seconds = ulong.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture) * unit;
        return seconds is > 0 and <= uint.MaxValue ? (uint)seconds : throw new FormatException($"\"{text}\" must be between 1 second and {uint.MaxValue} seconds");
    }

    /// <summary>Seconds as a countdown reads: "1h 0m 40s", "10m 0s", "45s" (every unit below the largest is shown,
    /// so the figures do not jump about as it counts down).</summary>
    public static string Format(ulong seconds)
    {
        if (seconds >= 3600)
            return $"{seconds / 3600}h {seconds % 3600 / 60}m {seconds % 60}s";
        return seconds >= 60 ? $"{seconds / 60}m {seconds % 60}s" : $"{seconds}s";
    }

    public static Option<uint> Option(string name, string description, string defaultValue) => new(name)
    {
        Description = $"{description} (default {defaultValue})",
        DefaultValueFactory = _ => ParseSeconds(defaultValue),
        CustomParser = r =>
        {
            var token = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            try
            {
                return ParseSeconds(token);
            }
            catch (FormatException e)
            {
                r.AddError($"{name}: {e.Message}");
                return 0;
            }
        },
    };

    [GeneratedRegex(@"^\s*(?<number>[0-9]{1,12})\s*(?<unit>[sSmMhHdD]?)\s*$")]
    private static partial Regex Pattern();
}
