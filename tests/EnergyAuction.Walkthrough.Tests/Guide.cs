using System.Text.RegularExpressions;

namespace EnergyAuction.Walkthrough.Tests;

/// <summary>
/// The runnable part of README.md: the ```sh blocks of the named `## ` sections, in order, split into commands. A line
/// ending in a backslash continues on the next; lines that are only a comment are skipped; a comment containing
/// <see cref="GuideCommand.ExpectedMarker"/> says what the command prints (the text after the marker).
/// </summary>
public static partial class Guide
{
    public static IReadOnlyList<GuideCommand> Commands(string readme, params string[] sections)
    {
        var lines = readme.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var commands = new List<GuideCommand>();
        foreach (var section in sections)
        {
            var start = lines.FindIndex(l => l.StartsWith("## ", StringComparison.Ordinal) && l[3..].Trim() == section);
            if (start < 0) throw new InvalidOperationException($"README.md has no section \"## {section}\"");
            var end = lines.FindIndex(start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
            var body = lines.GetRange(start + 1, (end < 0 ? lines.Count : end) - start - 1);
            commands.AddRange(FromSection(section, body));
        }

        return commands;
    }

    private static IEnumerable<GuideCommand> FromSection(string section, List<string> body)
    {
        var inBlock = false;
        var pending = "";
        foreach (var line in body)
        {
            if (!inBlock)
            {
                inBlock = line.Trim() == "```sh";
                continue;
            }

            if (line.Trim() == "```")
            {
                if (pending.Length > 0) throw new InvalidOperationException($"{section}: a block ends inside a continued command: {pending}");
                inBlock = false;
                continue;
            }

            if (pending.Length == 0 && (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))) continue;
            if (line.EndsWith('\\'))
            {
                pending += line[..^1];
                continue;
            }

            var text = pending + line;
            pending = "";
            yield return new GuideCommand(section, text.Trim(), ExpectedOf(text));
        }
    }

    // The marker only counts in a trailing comment: "# ... → text" at the end of the line.
    private static string? ExpectedOf(string command)
    {
        var match = TrailingExpectation().Match(command);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex(@"\s#[^#]*→ (.+)$")]
    private static partial Regex TrailingExpectation();
}
