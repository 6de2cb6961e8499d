using System.Reflection;
using EnergyAuction.Chain.Contracts;
using Nethereum.ABI.ABIDeserialisation;

namespace EnergyAuction.Chain;

/// <summary>The ABIs of the market's contracts, embedded from Abi/*.json (regenerate with scripts/codegen.sh), and
/// the custom errors read from them.</summary>
public static class ChainAbis
{
    public const string DataAccessName = "DataAccess";
    public const string EnergyTradeName = "EnergyTrade";
    public const string EnergyOracleClientName = "EnergyOracleClient";
    public const string OperatorName = "Operator";
    public const string LinkTokenName = "LinkToken";

    public static IReadOnlyList<string> Names { get; } =
        [DataAccessName, EnergyTradeName, EnergyOracleClientName, OperatorName, LinkTokenName];

    private static readonly Lazy<ContractErrors> DataAccessAbi = new(() => Load(DataAccessName));
    private static readonly Lazy<ContractErrors> EnergyTradeAbi = new(() => Load(EnergyTradeName));
    private static readonly Lazy<ContractErrors> EnergyOracleClientAbi = new(() => Load(EnergyOracleClientName));
    private static readonly Lazy<ContractErrors> OperatorAbi = new(() => Load(OperatorName));
    private static readonly Lazy<ContractErrors> LinkTokenAbi = new(() => Load(LinkTokenName));

    public static ContractErrors DataAccess => DataAccessAbi.Value;

    public static ContractErrors EnergyTrade => EnergyTradeAbi.Value;

    public static ContractErrors EnergyOracleClient => EnergyOracleClientAbi.Value;

    public static ContractErrors Operator => OperatorAbi.Value;

    public static ContractErrors LinkToken => LinkTokenAbi.Value;

    /// <summary>The embedded ABI JSON text of one contract (one of <see cref="Names"/>).</summary>
    public static string Json(string contractName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"EnergyAuction.Chain.Abi.{contractName}.json")
            ?? throw new ArgumentException($"no embedded ABI for '{contractName}' (known: {string.Join(", ", Names)})", nameof(contractName));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The contract's function names by 0x-prefixed lower-case selector (for naming transactions).</summary>
    public static IReadOnlyDictionary<string, string> FunctionNamesBySelector(string contractName) =>
        new ABIJsonDeserialiser().DeserialiseContract(Json(contractName)).Functions
            .ToDictionary(f => "0x" + f.Sha3Signature.Replace("0x", "").ToLowerInvariant(), f => f.Name);

    private static ContractErrors Load(string name) => ContractErrors.FromAbiJson(name, Json(name));
}
