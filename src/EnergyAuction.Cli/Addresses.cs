using System.CommandLine;
using EnergyAuction.Chain.Crypto;

namespace EnergyAuction.Cli;

/// <summary>Ethereum addresses on the command line: 0x and 40 hex digits; a bad one is a parse error (exit code 2).</summary>
public static class Addresses
{
    public static Option<string> Option(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r =>
        {
            var token = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (ChainAddress.IsValid(token))
                return ChainAddress.ToChecksum(token);
            r.AddError($"{name} \"{token}\" is not an address: expected 0x followed by 40 hex digits");
            return "";
        },
    };
}
