using EnergyAuction.Ethereum.Hex;

namespace EnergyAuction.Ethereum.Abi;

/// <summary>What a revert said: a custom error's name and arguments, Error(string) with its reason, or Panic(code).</summary>
public sealed record DecodedRevert(string ErrorName, IReadOnlyList<object?> Arguments, string? Reason);

/// <summary>Turns revert data into a readable error using a contract's custom errors and the built-in ones.</summary>
public static class RevertDecoder
{
    public static DecodedRevert Decode(byte[] data, ContractAbi? abi = null)
    {
        if (data.Length == 0) return new DecodedRevert("Revert", [], null);
        if (data.Length < 4) return Unknown(data);
        var selector = data.AsSpan(0, 4);
        try
        {
            if (selector.SequenceEqual(ErrorAbi.ErrorString.Selector))
            {
                var reason = (string)AbiDecoder.Decode(ErrorAbi.ErrorString.Inputs, data.AsSpan(4))[0]!;
                return new DecodedRevert("Error", [reason], reason);
            }
            if (selector.SequenceEqual(ErrorAbi.Panic.Selector))
            {
                var code = (System.Numerics.BigInteger)AbiDecoder.Decode(ErrorAbi.Panic.Inputs, data.AsSpan(4))[0]!;
                return new DecodedRevert("Panic", [code], PanicReason(code));
            }
            if (abi?.ErrorBySelector(selector) is { } error)
                return new DecodedRevert(error.Name, AbiDecoder.Decode(error.Inputs, data.AsSpan(4)), null);
        }
        catch (FormatException)
        {
            return Unknown(data);
        }
        return Unknown(data);
    }

    // Solidity's panic codes (docs: "Panic via assert and Error via require").
    private static string PanicReason(System.Numerics.BigInteger code) => (int)(code & 0xff) switch
    {
        0x01 => "assertion failed",
        0x11 => "arithmetic overflow or underflow",
        0x12 => "division or modulo by zero",
        0x21 => "invalid enum value",
        0x22 => "invalid storage byte array",
        0x31 => "pop on an empty array",
        0x32 => "array index out of bounds",
        0x41 => "out of memory",
        0x51 => "call to an uninitialised function",
        _ => $"panic 0x{code:x}",
    };

    private static DecodedRevert Unknown(byte[] data) =>
        new(HexConvert.ToHex(data.AsSpan(0, Math.Min(4, data.Length))), [data], null);
}
