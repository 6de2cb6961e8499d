using System.Numerics;
using System.Reflection;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Hex;
using Nethereum.ABI.FunctionEncoding.Attributes;
using ET = EnergyAuction.Chain.Generated.EnergyTrade.ContractDefinition;

namespace EnergyAuction.Chain;

/// <summary>
/// Decodes an <c>order(id)</c> answer word by word. Nethereum's reflective decoder spends about a millisecond per
/// order, as long as the node takes to answer it; this reads the nine 32-byte words of the static OrderView tuple
/// directly. It applies only while the generated OrderView has exactly this layout (checked once), so a regenerated
/// contract falls back to Nethereum rather than being misread.
/// </summary>
internal static class OrderViewWords
{
    private static readonly string[] Layout = ["uint256", "address", "bytes32", "uint8", "uint64", "uint256", "uint8", "uint64", "uint256"];

    /// <summary>Whether the generated OrderView still has the layout this decoder reads.</summary>
    public static bool Applies { get; } = typeof(ET.OrderView).GetProperties()
        .Select(p => p.GetCustomAttribute<ParameterAttribute>()).OfType<ParameterAttribute>()
        .OrderBy(a => a.Order).Select(a => a.Type).SequenceEqual(Layout);

    /// <summary>The order in an eth_call answer, or null when the layout changed or the answer is not nine words
    /// (let Nethereum decode it or say why).</summary>
    public static OrderInfo? Decode(string hex)
    {
        if (!Applies)
            return null;
        var bytes = HexConvert.FromHex(hex);
        if (bytes.Length != Layout.Length * 32)
            return null;
        BigInteger U(int i) => new(bytes.AsSpan(i * 32, 32), isUnsigned: true, isBigEndian: true);
        return new OrderInfo((ulong)U(0), ChainAddress.ToChecksum(HexConvert.ToHex(bytes.AsSpan(44, 20).ToArray())), bytes.AsSpan(64, 32).ToArray(),
            (OrderSide)(byte)U(3), (ulong)U(4), U(5), (OrderStatus)(byte)U(6), (ulong)U(7), U(8));
    }
}
