using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.Model;

namespace EnergyAuction.Chain.Contracts;

/// <summary>A contract's custom errors, read from its ABI (Nethereum's ABI model), for naming reverts.</summary>
public sealed class ContractErrors
{
    private readonly ErrorABI[] _errors;

    private ContractErrors(string contractName, ErrorABI[] errors)
    {
        ContractName = contractName;
        _errors = errors;
    }

    public string ContractName { get; }

    /// <summary>From ABI JSON (an array, as in a Hardhat artifact's "abi").</summary>
    public static ContractErrors FromAbiJson(string contractName, string abiJson) =>
        new(contractName, new ABIJsonDeserialiser().DeserialiseContract(abiJson).Errors ?? []);

    /// <summary>The error whose selector starts the revert data, or null.</summary>
    internal ErrorABI? BySelector(ReadOnlySpan<byte> selector)
    {
        var hex = Convert.ToHexStringLower(selector);
        return _errors.FirstOrDefault(e => string.Equals(e.Sha3Signature.Replace("0x", ""), hex, StringComparison.OrdinalIgnoreCase));
    }
}
