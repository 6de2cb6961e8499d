using System.Collections;
using System.Numerics;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Hex;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;

namespace EnergyAuction.Chain.Contracts;

/// <summary>What a revert said: a custom error's name and arguments, Error(string) with its reason, or Panic(code).</summary>
public sealed record DecodedRevert(string ErrorName, IReadOnlyList<object?> Arguments, string? Reason);

/// <summary>Turns revert data into a readable error using a contract's custom errors and the built-in ones
/// (decoding by Nethereum's ABI decoder).</summary>
public static class RevertDecoder
{
    private static readonly byte[] ErrorSelector = [0x08, 0xc3, 0x79, 0xa0];
    private static readonly byte[] PanicSelector = [0x4e, 0x48, 0x7b, 0x71];

    public static DecodedRevert Decode(byte[] data, ContractErrors? errors = null)
    {
        if (data.Length == 0) return new DecodedRevert("Revert", [], null);
        if (data.Length < 4) return Unknown(data);
        var selector = data.AsSpan(0, 4);
        var body = data[4..];
        try
        {
            if (selector.SequenceEqual(ErrorSelector))
            {
                var reason = (string)Values(body, [new Parameter("string", "reason", 1)])[0]!;
                return new DecodedRevert("Error", [reason], reason);
            }
            if (selector.SequenceEqual(PanicSelector))
            {
                var code = (BigInteger)Values(body, [new Parameter("uint256", "code", 1)])[0]!;
                return new DecodedRevert("Panic", [code], PanicReason(code));
            }
            if (errors?.BySelector(selector) is { } error)
                return new DecodedRevert(error.Name, Values(body, error.InputParameters), null);
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidCastException or FormatException or OverflowException)
        {
            return Unknown(data);
        }
        return Unknown(data);
    }

    private static object?[] Values(byte[] body, Parameter[] parameters) =>
        [.. new ParameterDecoder().DecodeDefaultData(body, parameters).OrderBy(o => o.Parameter.Order).Select(o => o.Parameter.Type == "address" && o.Result is string a ? ChainAddress.ToChecksum(a) : Plain(o.Result))];

    // Tuples and arrays come back as lists (of ParameterOutput for tuples); messages show them as object?[].
    private static object? Plain(object? value) => value switch
    {
        ParameterOutput p => Plain(p.Result),
        byte[] or string => value,
        IEnumerable items => items.Cast<object?>().Select(Plain).ToArray(),
        _ => value,
    };

    // Solidity's panic codes (docs: "Panic via assert and Error via require").
    private static string PanicReason(BigInteger code) => (int)(code & 0xff) switch
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
