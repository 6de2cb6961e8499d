using System.Globalization;

namespace EnergyAuction.Cli;

/// <summary>Counts with their noun in the right number: "1 bid", "2 bids", "1 match", "3 matches".</summary>
public static class Plural
{
    public static string Of(ulong count, string noun) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? noun : PluralOf(noun))}";

    public static string Of(long count, string noun) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? noun : PluralOf(noun))}";

    /// <summary>As <see cref="Of(long, string)"/> with thousands separated: "1,485 distances".</summary>
    public static string Grouped(long count, string noun) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? noun : PluralOf(noun))}";

    private static string PluralOf(string noun) =>
        noun.EndsWith("ch", StringComparison.Ordinal) || noun.EndsWith('s') || noun.EndsWith('x') ? noun + "es" : noun + "s";
}
