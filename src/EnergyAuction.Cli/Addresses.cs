using System.CommandLine;
using EnergyAuction.Chain.Crypto;

namespace EnergyAuction.Cli;

/// <summary>Ethereum addresses on the command line: 0x and 40 hex digits, EIP-55 checksummed when in mixed case; a bad one is a
/// parse error (exit code 2).</summary>
public static partial class Addresses
{
    public static Option<string> Option(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r => Parse(r, name),
    };

    /// <summary>An optional positional address (e.g. `energy balance ADDRESS`).</summary>
    public static Argument<string?> Argument(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrOne,
        CustomParser = r => r.Tokens.Count == 0 ? null : Parse(r, name),
    };

    private static string Parse(System.CommandLine.Parsing.ArgumentResult r, string name)
    {
        var token = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
        if (ChainAddress.IsValid(token))
            return ChainAddress.ToChecksum(token);
        r.AddError(WellFormed().IsMatch(token)
            ? $"{name} \"{token}\": the checksum does not match (its mixed case says a character is mistyped); check the address, or give it all in lower case"
            : $"{name} \"{token}\" is not an address: expected 0x followed by 40 hex digits");
        return "";
    }

    [System.Text.RegularExpressions.GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial System.Text.RegularExpressions.Regex WellFormed();
}
