using System.Reflection;
using EnergyAuction.Ethereum.Abi;

namespace EnergyAuction.Chain;

/// <summary>The ABIs of the market's contracts, embedded from Abi/*.json (regenerate with scripts/export-abi.js).</summary>
public static class ChainAbis
{
    public const string DataAccessName = "DataAccess";
    public const string EnergyTradeName = "EnergyTrade";
    public const string EnergyOracleClientName = "EnergyOracleClient";
    public const string OperatorName = "Operator";
    public const string LinkTokenName = "LinkToken";

    public static IReadOnlyList<string> Names { get; } =
        [DataAccessName, EnergyTradeName, EnergyOracleClientName, OperatorName, LinkTokenName];

    private static readonly Lazy<ContractAbi> DataAccessAbi = new(() => Load(DataAccessName));
    private static readonly Lazy<ContractAbi> EnergyTradeAbi = new(() => Load(EnergyTradeName));
    private static readonly Lazy<ContractAbi> EnergyOracleClientAbi = new(() => Load(EnergyOracleClientName));
    private static readonly Lazy<ContractAbi> OperatorAbi = new(() => Load(OperatorName));
    private static readonly Lazy<ContractAbi> LinkTokenAbi = new(() => Load(LinkTokenName));

    public static ContractAbi DataAccess => DataAccessAbi.Value;

    public static ContractAbi EnergyTrade => EnergyTradeAbi.Value;

    public static ContractAbi EnergyOracleClient => EnergyOracleClientAbi.Value;

    public static ContractAbi Operator => OperatorAbi.Value;

    public static ContractAbi LinkToken => LinkTokenAbi.Value;

    /// <summary>The embedded ABI JSON text of one contract (one of <see cref="Names"/>).</summary>
    public static string Json(string contractName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"EnergyAuction.Chain.Abi.{contractName}.json")
            ?? throw new ArgumentException($"no embedded ABI for '{contractName}' (known: {string.Join(", ", Names)})", nameof(contractName));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static ContractAbi Load(string name) => ContractAbi.Parse(Json(name), name);
}
