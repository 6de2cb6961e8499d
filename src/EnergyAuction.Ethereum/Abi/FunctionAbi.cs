using EnergyAuction.Ethereum.Crypto;
using EnergyAuction.Ethereum.Hex;

namespace EnergyAuction.Ethereum.Abi;

/// <summary>A contract function: its selector is the first 4 bytes of keccak256 of its signature.</summary>
public sealed record FunctionAbi(string Name, IReadOnlyList<AbiParameter> Inputs, IReadOnlyList<AbiParameter> Outputs, string StateMutability)
{
    public string Signature => $"{Name}({string.Join(",", Inputs.Select(i => i.Type.Canonical))})";

    public byte[] Selector => Keccak256.Hash(Signature)[..4];

    public string SelectorHex => HexConvert.ToHex(Selector);

    public bool IsReadOnly => StateMutability is "view" or "pure";

    public bool IsPayable => StateMutability == "payable";

    /// <summary>Call data: selector ‖ abi.encode(args).</summary>
    public byte[] EncodeCall(IReadOnlyList<object?> args)
    {
        if (args.Count != Inputs.Count)
            throw new ArgumentException($"{Signature} takes {Inputs.Count} arguments, got {args.Count}");
        return [.. Selector, .. AbiEncoder.Encode(Inputs, args)];
    }

    public object?[] DecodeOutput(byte[] data) => AbiDecoder.Decode(Outputs, data);

    /// <summary>Decodes call data back into arguments (the selector must match).</summary>
    public object?[] DecodeInput(byte[] callData)
    {
        if (callData.Length < 4 || !callData.AsSpan(0, 4).SequenceEqual(Selector))
            throw new FormatException($"call data is not a call to {Signature}");
        return AbiDecoder.Decode(Inputs, callData.AsSpan(4));
    }
}
