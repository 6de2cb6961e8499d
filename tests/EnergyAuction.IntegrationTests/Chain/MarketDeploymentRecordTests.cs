using EnergyAuction.Chain;
using EnergyAuction.Chain.Hex;

namespace EnergyAuction.IntegrationTests.Chain;

public sealed class MarketDeploymentRecordTests
{
    private const string Valid = """
        {
          "network": "localhost", "chainId": 31337, "block": 1,
          "contracts": {
            "LinkToken": { "address": "0x5fbdb2315678afecb367f032d93f642f64180aa3" },
            "Operator": { "address": "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512" },
            "DataAccess": { "address": "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0" },
            "EnergyTrade": { "address": "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9" },
            "EnergyOracleClient": { "address": "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9" }
          },
          "registrar": "0x09db0a93b389bef724429898f539aeb7ac2dd55f",
          "jobId": "0x656e6572677961756374696f6e2d68656d732d67657400000000000000000000",
          "oracleFee": "100000000000000000"
        }
        """;

    [Test]
    public void Reads_what_deploy_js_writes()
    {
        var record = MarketDeploymentRecord.Parse(Valid);
        Assert.Multiple(() =>
        {
            Assert.That(record.ChainId, Is.EqualTo(31337UL));
            Assert.That(record.Block, Is.EqualTo(1UL));
            Assert.That(record.LinkToken, Is.EqualTo("0x5FbDB2315678afecb367f032d93F642f64180aa3"), "checksummed");
            Assert.That(record.EnergyTrade, Is.EqualTo("0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9"));
            Assert.That(HexConvert.ToHex(record.JobId), Does.StartWith("0x656e65"));
            Assert.That(record.OracleFee, Is.EqualTo(System.Numerics.BigInteger.Pow(10, 17)));
            Assert.That(record.Registrar, Is.EqualTo("0x09DB0a93B389bEF724429898f539AEB7ac2Dd55f"), "the registrar, checksummed");
        });
    }

    [Test]
    public void A_record_without_its_registrar_is_refused() =>
        Assert.That(() => MarketDeploymentRecord.Parse(Valid.Replace("\"registrar\"", "\"registrr\""), "x.json"),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("x.json: missing \"registrar\""));

    [Test]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-deployment-{Guid.NewGuid():N}.json");
        Assert.That(() => MarketDeploymentRecord.Load(path), Throws.TypeOf<FileNotFoundException>().With.Message.Contains(path));
    }

    [Test]
    public void Malformed_json_is_reported() =>
        Assert.That(() => MarketDeploymentRecord.Parse("{ \"network\": ", "x.json"),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("x.json is not valid JSON"));

    [Test]
    public void A_missing_contract_is_named() =>
        Assert.That(() => MarketDeploymentRecord.Parse(Valid.Replace("\"Operator\"", "\"Operatr\""), "x.json"),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("missing contract Operator"));

    [Test]
    public void A_bad_address_is_named() =>
        Assert.That(() => MarketDeploymentRecord.Parse(Valid.Replace("0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9", "0x1234"), "x.json"),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("contracts.EnergyTrade.address '0x1234'"));
}
