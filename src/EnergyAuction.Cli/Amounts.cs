using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace EnergyAuction.Cli;

/// <summary>
/// Energy and money on the command line, exact (no floating point): energy "7.5kWh", "7500Wh",
/// "7.5 kWh" or a bare kWh number for --kwh, to Wh; money and prices "54000gwei", "0.001ether",
/// "123wei" to wei, prices per kWh also as "54000gwei/kWh". More precision than 1 Wh or 1 wei is an error, not rounded away.
/// Formatting writes the same notation back.
/// </summary>
public static partial class Amounts
{
    private static readonly (string Unit, int Decimals)[] EnergyUnits = [("wh", 0), ("kwh", 3)];
    private static readonly (string Unit, int Decimals)[] MoneyUnits = [("wei", 0), ("gwei", 9), ("ether", 18), ("eth", 18)];
    private static readonly BigInteger WeiPerGwei = BigInteger.Pow(10, 9);
    private static readonly BigInteger WeiPerMilliEther = BigInteger.Pow(10, 15);

    /// <summary>No amount of wei exceeds a uint256; prices are uint128 on chain.</summary>
    private static readonly BigInteger MaxWei = (BigInteger.One << 256) - 1;
    private static readonly BigInteger MaxPrice = (BigInteger.One << 128) - 1;
    private const string MoneyExample = "e.g. 54000gwei or 0.05ether";

    /// <summary>"7.5kWh", "7500Wh", "7.5 kWh" to Wh.</summary>
    /// <exception cref="FormatException">With a message saying what is wrong.</exception>
    public static long ParseEnergyWh(string text)
    {
        var (number, unit) = Split(text, "energy", "Wh or kWh", "e.g. 7.5kWh");
        return ToWh(number, Decimals(EnergyUnits, unit, text, "Wh or kWh"), text);
    }

    /// <summary>A bare number of kWh ("7.5", as in --kwh 7.5) to Wh.</summary>
    public static long ParseKwh(string text)
    {
        var number = text.Trim();
        if (!NumberPattern().IsMatch(number))
            throw new FormatException($"\"{text}\" is not a number of kWh");
        return ToWh(number, 3, text);
    }

    /// <summary>"54000gwei", "0.001ether", "123wei" to wei.</summary>
    public static BigInteger ParseWei(string text)
    {
        var (number, unit) = Split(text, "amount", "wei, gwei or ether", MoneyExample);
        var wei = Scale(number, Decimals(MoneyUnits, unit, text, "wei, gwei or ether"), text, "1 wei");
        return wei <= MaxWei ? wei : throw new FormatException($"\"{text}\" is out of range: no amount exceeds 2^256 - 1 wei");
    }

    /// <summary>A price per kWh as the tool prints it ("54000gwei/kWh") or without the "/kWh" ("54000gwei"), to wei.</summary>
    public static BigInteger ParsePrice(string text)
    {
        var slash = text.IndexOf('/');
        if (slash >= 0 && !text[(slash + 1)..].Trim().Equals("kWh", StringComparison.OrdinalIgnoreCase))
            throw new FormatException($"\"{text}\": prices are per kWh; write e.g. 54000gwei/kWh or 54000gwei");
        var wei = ParseWei(slash >= 0 ? text[..slash] : text);
        return wei <= MaxPrice ? wei : throw new FormatException($"\"{text}\" is out of range: a price is at most 2^128 - 1 wei per kWh");
    }

    /// <summary>Wh as "7.5kWh" (1000 Wh and more) or "500Wh".</summary>
    public static string FormatEnergy(long wh) =>
        Math.Abs(wh) >= 1000 ? $"{Decimal(wh, 3)}kWh" : $"{wh.ToString(CultureInfo.InvariantCulture)}Wh";

    /// <summary>Wh as a bare kWh number ("7.5").</summary>
    public static string FormatKwh(long wh) => Decimal(wh, 3);

    /// <summary>Wei as "0.001ether" (from 0.001 ether), "54000gwei" (from 1 gwei) or "123wei".</summary>
    public static string FormatWei(BigInteger wei)
    {
        var size = BigInteger.Abs(wei);
        if (size >= WeiPerMilliEther)
            return $"{Decimal(wei, 18)}ether";
        return size >= WeiPerGwei ? $"{Decimal(wei, 9)}gwei" : $"{wei.ToString(CultureInfo.InvariantCulture)}wei";
    }

    /// <summary>An option taking an energy ("7.5kWh"); bad values are parse errors (exit code 2).</summary>
    public static Option<long> EnergyOption(string name, string description) =>
        new(name) { Description = description, CustomParser = r => Parse(r, ParseEnergyWh, name) };

    /// <summary>An option taking a bare kWh number (--kwh 7.5), parsed to Wh.</summary>
    public static Option<long> KwhOption(string name, string description) =>
        new(name) { Description = description, CustomParser = r => Parse(r, ParseKwh, name) };

    /// <summary>An option taking money ("1ether"), parsed to wei.</summary>
    public static Option<BigInteger> WeiOption(string name, string description) =>
        new(name) { Description = description, CustomParser = r => Parse(r, ParseWei, name) };

    /// <summary>An option taking a price per kWh ("54000gwei/kWh" or "54000gwei"), parsed to wei per kWh.</summary>
    public static Option<BigInteger> PriceOption(string name, string description) =>
        new(name) { Description = description, CustomParser = r => Parse(r, ParsePrice, name) };

    private static T Parse<T>(System.CommandLine.Parsing.ArgumentResult result, Func<string, T> parse, string name)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        try
        {
            return parse(token);
        }
        catch (FormatException e)
        {
            result.AddError($"{name}: {e.Message}");
            return default!;
        }
    }

    private static (string Number, string Unit) Split(string text, string what, string units, string example)
    {
        var match = AmountPattern().Match(text);
        if (!match.Success)
            throw new FormatException($"\"{text}\" is not an {what}: expected a non-negative number and a unit ({units}), {example}");
        return (match.Groups["number"].Value, match.Groups["unit"].Value);
    }

    private static int Decimals((string Unit, int Decimals)[] units, string unit, string text, string expected)
    {
        foreach (var (name, decimals) in units)
        {
            if (string.Equals(name, unit, StringComparison.OrdinalIgnoreCase))
                return decimals;
        }

        throw new FormatException($"\"{text}\": unknown unit \"{unit}\" (expected {expected})");
    }

    private static long ToWh(string number, int decimals, string text)
    {
        var wh = Scale(number, decimals, text, "1 Wh");
        return wh <= long.MaxValue ? (long)wh : throw new FormatException($"\"{text}\" is more energy than this market can hold");
    }

    // Exact decimal scaling: integer digits and fraction digits, shifted by the unit's decimals.
    private static BigInteger Scale(string number, int decimals, string text, string smallest)
    {
        var point = number.IndexOf('.');
        var whole = point < 0 ? number : number[..point];
        var fraction = point < 0 ? "" : number[(point + 1)..].TrimEnd('0');
        if (fraction.Length > decimals)
            throw new FormatException($"\"{text}\" is more precise than {smallest}");
        var digits = whole + fraction.PadRight(decimals, '0');
        return BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static string Decimal(BigInteger value, int decimals)
    {
        var sign = value.Sign < 0 ? "-" : "";
        var digits = BigInteger.Abs(value).ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var whole = digits[..^decimals];
        var fraction = digits[^decimals..].TrimEnd('0');
        return fraction.Length == 0 ? $"{sign}{whole}" : $"{sign}{whole}.{fraction}";
    }

    [GeneratedRegex(@"^\s*(?<number>[0-9]+(\.[0-9]+)?)\s*(?<unit>[A-Za-z]+)\s*$")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?$")]
    private static partial Regex NumberPattern();
}
