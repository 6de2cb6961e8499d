using EnergyAuction.Ethereum.Crypto;

namespace EnergyAuction.Ethereum.Abi;

/// <summary>A Solidity custom error; revert data is selector ‖ abi.encode(args).</summary>
public sealed record ErrorAbi(string Name, IReadOnlyList<AbiParameter> Inputs)
{
    public static readonly ErrorAbi ErrorString = new("Error", [new AbiParameter("reason", AbiType.Parse("string"))]);
    public static readonly ErrorAbi Panic = new("Panic", [new AbiParameter("code", AbiType.Parse("uint256"))]);

    public string Signature => $"{Name}({string.Join(",", Inputs.Select(i => i.Type.Canonical))})";

    public byte[] Selector => Keccak256.Hash(Signature)[..4];

    public byte[] Encode(params object?[] args) => [.. Selector, .. AbiEncoder.Encode(Inputs, args)];
}
