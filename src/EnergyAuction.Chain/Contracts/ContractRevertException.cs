using System.Numerics;
using EnergyAuction.Chain.Hex;

namespace EnergyAuction.Chain.Contracts;

/// <summary>A call or transaction reverted; the message reads like "EnergyTrade reverted: WrongPhase(3, 1, 2)".</summary>
public sealed class ContractRevertException : Exception
{
    public ContractRevertException(string ErrorName, IReadOnlyList<object?> Arguments, string? Reason,
        string contractName = "contract", byte[]? revertData = null, string? transactionHash = null)
        : base(Format(contractName, ErrorName, Arguments, Reason))
    {
        this.ErrorName = ErrorName;
        this.Arguments = Arguments;
        this.Reason = Reason;
        ContractName = contractName;
        RevertData = revertData ?? [];
        TransactionHash = transactionHash;
    }

    public string ErrorName { get; }

    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>The Error(string) reason or a Panic's meaning; null for custom errors.</summary>
    public string? Reason { get; }

    public string ContractName { get; }

    public byte[] RevertData { get; }

    public string? TransactionHash { get; }

    /// <summary>The one exception every revert becomes, whether eth_sendRawTransaction, eth_call or
    /// eth_estimateGas returned it or it was found on a status-0 receipt.</summary>
    public static ContractRevertException FromRevertData(byte[] data, ContractErrors? errors, string? transactionHash = null)
    {
        var decoded = RevertDecoder.Decode(data, errors);
        return new ContractRevertException(decoded.ErrorName, decoded.Arguments, decoded.Reason,
            errors?.ContractName ?? "contract", data, transactionHash);
    }

    private static string Format(string contract, string name, IReadOnlyList<object?> args, string? reason) => name switch
    {
        "Revert" when args.Count == 0 => $"{contract} reverted without a reason",
        "Error" => $"{contract} reverted: {reason}",
        "Panic" => $"{contract} reverted: Panic({reason})",
        _ => $"{contract} reverted: {name}({string.Join(", ", args.Select(FormatValue))})",
    };

    private static string FormatValue(object? value) => value switch
    {
        null => "null",
        string s when s.StartsWith("0x") => s,
        string s => $"\"{s}\"",
        byte[] b => HexConvert.ToHex(b),
        bool b => b ? "true" : "false",
        BigInteger n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        object?[] items => "[" + string.Join(", ", items.Select(FormatValue)) + "]",
        _ => value.ToString() ?? "",
    };
}
