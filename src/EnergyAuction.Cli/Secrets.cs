using System.Text.RegularExpressions;

namespace EnergyAuction.Cli;

/// <summary>Private keys never reach an error message: text that looks like one (64 hex digits) is replaced before it
/// is printed. Transaction hashes look the same, so this is applied only where a key could have been typed.</summary>
public static partial class Secrets
{
    public static bool LooksLikeKey(string text) => KeyPattern().IsMatch(text);

    public static string Redact(string text) => KeyPattern().Replace(text, "<64 hex digits, not shown>");

    [GeneratedRegex("(0x)?[0-9a-fA-F]{64}")]
    private static partial Regex KeyPattern();
}
