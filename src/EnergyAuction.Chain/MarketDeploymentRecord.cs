using System.Globalization;
using System.Numerics;
using System.Text.Json;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Hex;

namespace EnergyAuction.Chain;

/// <summary>deployments/&lt;network&gt;.json as scripts/deploy.js writes it: where the market's five contracts live,
/// on which chain, from which block (where event scans start), the registrar (the DSO, who registers meters), and the
/// oracle job id and fee.</summary>
public sealed record MarketDeploymentRecord(
    string Network,
    ulong ChainId,
    ulong Block,
    string LinkToken,
    string Operator,
    string DataAccess,
    string EnergyTrade,
    string EnergyOracleClient,
    string Registrar,
    byte[] JobId,
    BigInteger OracleFee)
{
    /// <summary>The record as scripts/deploy.js writes it (two-space indented JSON).</summary>
    public string ToJson()
    {
        var contracts = new System.Text.Json.Nodes.JsonObject();
        foreach (var (name, address) in new[] { ("LinkToken", LinkToken), ("Operator", Operator), ("DataAccess", DataAccess),
                     ("EnergyTrade", EnergyTrade), ("EnergyOracleClient", EnergyOracleClient) })
            contracts[name] = new System.Text.Json.Nodes.JsonObject { ["address"] = address };
        var json = new System.Text.Json.Nodes.JsonObject
        {
            ["network"] = Network,
            ["chainId"] = ChainId,
            ["block"] = Block,
            ["contracts"] = contracts,
            ["registrar"] = Registrar,
            ["jobId"] = HexConvert.ToHex(JobId),
            ["oracleFee"] = OracleFee.ToString(CultureInfo.InvariantCulture),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Reads a deployment file; throws FileNotFoundException or InvalidDataException naming the file and
    /// what is wrong with it.</summary>
    public static MarketDeploymentRecord Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"deployment record {path} not found (scripts/deploy.js writes deployments/<network>.json)", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses the JSON of a deployment record; source names it in errors.</summary>
    public static MarketDeploymentRecord Parse(string json, string source = "deployment record")
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source} is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{source}: expected a JSON object");
            var contracts = root.TryGetProperty("contracts", out var c) && c.ValueKind == JsonValueKind.Object
                ? c
                : throw new InvalidDataException($"{source}: missing \"contracts\" object");
            string Address(string name)
            {
                if (!contracts.TryGetProperty(name, out var entry) || entry.ValueKind != JsonValueKind.Object
                    || !entry.TryGetProperty("address", out var a) || a.ValueKind != JsonValueKind.String)
                    throw new InvalidDataException($"{source}: missing contract {name} (contracts.{name}.address)");
                var address = a.GetString()!;
                return ChainAddress.IsValid(address)
                    ? ChainAddress.ToChecksum(address)
                    : throw new InvalidDataException($"{source}: contracts.{name}.address '{address}' is not an address");
            }
            string Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString()!
                : throw new InvalidDataException($"{source}: missing \"{name}\"");
            ulong Number(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetUInt64(out var n)
                ? n
                : throw new InvalidDataException($"{source}: missing or invalid \"{name}\" (a non-negative integer)");
            var jobIdHex = Text("jobId");
            var jobId = HexConvert.IsHex(jobIdHex) && jobIdHex.Length == 66
                ? HexConvert.FromHex(jobIdHex)
                : throw new InvalidDataException($"{source}: jobId '{jobIdHex}' is not a 0x-prefixed bytes32");
            var registrar = Text("registrar");
            if (!ChainAddress.IsValid(registrar))
                throw new InvalidDataException($"{source}: registrar '{registrar}' is not an address");
            var feeText = Text("oracleFee");
            var fee = BigInteger.TryParse(feeText, NumberStyles.None, CultureInfo.InvariantCulture, out var f)
                ? f
                : throw new InvalidDataException($"{source}: oracleFee '{feeText}' is not a decimal amount of juels");
            return new MarketDeploymentRecord(Text("network"), Number("chainId"), Number("block"),
                Address("LinkToken"), Address("Operator"), Address("DataAccess"), Address("EnergyTrade"), Address("EnergyOracleClient"),
                ChainAddress.ToChecksum(registrar), jobId, fee);
        }
    }
}
