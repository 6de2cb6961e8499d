using System.Globalization;

namespace EnergyAuction.Data.Profiles;

/// <summary>
/// Turns a decimal kW value from the profile files into whole watts without floating point.
/// The load shapes have at most three decimals (exact); the Ausgrid file carries float artifacts
/// such as 0.48200000000000004, which round half-up to the nearest watt.
/// </summary>
public static class KilowattText
{
    /// <summary>Watts for a non-negative decimal kW text such as "0.482" or "1".</summary>
    public static long ToWatts(ReadOnlySpan<char> text)
    {
        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? [] : text[(dot + 1)..];
        if (whole.IsEmpty || !IsDigits(whole) || !IsDigits(fraction))
            throw new FormatException($"not a non-negative decimal kW value: '{text}'");

        var watts = long.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture) * 1000;
        for (var i = 0; i < 3; i++)
            if (i < fraction.Length) watts += (fraction[i] - '0') * Pow10(2 - i);
        if (fraction.Length > 3 && fraction[3] >= '5') watts++;
        return watts;
    }

    private static long Pow10(int n) => n switch { 0 => 1, 1 => 10, _ => 100 };

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (c is < '0' or > '9') return false;
        return true;
    }
}
