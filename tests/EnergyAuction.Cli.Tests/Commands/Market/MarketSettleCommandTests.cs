namespace EnergyAuction.Cli.Tests.Commands.Market;

public class MarketSettleCommandTests
{
    /// <summary>MARKET.md "energy market settle": the worked example's input.</summary>
    private const string MarketMdWindow = """
        {"params": {"gridCharge": 100, "maxDistance": 400, "penaltyRate": 1000, "orderFee": 0},
         "price": 16500,
         "offers": [{"id": "24", "energy": 25000, "allocation": 16000}],
         "bids":   [{"id": "39", "energy": 16000, "price": 28000, "allocation": 16000}],
         "matches": [{"offer": "24", "bid": "39", "energy": 16000, "distance": 120}],
         "readings": {"24": 15000, "39": null}}
        """;

    [Test]
    public async Task SettlesMarketMdsWorkedExampleToItsJson()
    {
        var run = await CliRun.Of("market", "settle", "--input", BookFiles.Write(MarketMdWindow), "--json");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Out.Trim(), Is.EqualTo(
            """{"matches":[{"offer":"24","bid":"39","traded":15000,"feeHalf":90,"sellerPenalty":1000,"buyerPenalty":1000}],"orders":{"24":{"deposit":25000,"paid":1090,"received":248500,"refund":272410},"39":{"deposit":464320,"paid":248590,"received":1000,"refund":216730}},"dso":180,"operator":0}"""));
        Assert.That(run.Error, Is.Empty);
    }

    [Test]
    public async Task AmountsAboveTwoToTheFiftyThreeAreStringsAndIntegersMayBeReadFromStrings()
    {
        var window = MarketMdWindow.Replace("\"price\": 16500", "\"price\": \"9007199254740993000\"")
            .Replace("\"price\": 28000", "\"price\": 9007199254740993000");

        var run = await CliRun.Of("market", "settle", "--input", BookFiles.Write(window), "--json");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        // The seller receives cost(15000, p0) = 135107988821114895000 plus the buyer's 1000 wei penalty, above 2^53;
        // the fee half of 90 wei stays a number.
        Assert.That(run.Out, Does.Contain("\"received\":\"135107988821114896000\"").And.Contain("\"feeHalf\":90,"));
    }

    [Test]
    public async Task OrderFeesGoToTheOperator()
    {
        var window = MarketMdWindow.Replace("\"orderFee\": 0", "\"orderFee\": 250");

        var run = await CliRun.Of("market", "settle", "--input", BookFiles.Write(window), "--json");

        Assert.That(run.Json.GetProperty("operator").GetInt64(), Is.EqualTo(500));
        Assert.That(run.Json.GetProperty("orders").GetProperty("39").GetProperty("refund").GetInt64(), Is.EqualTo(216_730));
    }

    [Test]
    public async Task WithoutJsonPrintsReadableTables()
    {
        var run = await CliRun.Of("market", "settle", "--input", BookFiles.Write(MarketMdWindow));

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out, Does.Contain("price:     16500wei/kWh").And.Contain("dso:       180 wei"));
        Assert.That(run.Out, Does.Match(@"24\s+39\s+16000\s+120\s+15000\s+15000\s+15000\s+90\s+1000\s+1000"));
        Assert.That(run.Out, Does.Match(@"bid\s+39\s+464320\s+248590\s+1000\s+216730"));
    }

    [TestCase("\"energy\": 16000, \"distance\": 120}]", "\"energy\": 0, \"distance\": 120}]", "match #0 (offer \"24\" -> bid \"39\"): energy must be a positive number")]
    [TestCase("{\"offer\": \"24\", \"bid\": \"39\"", "{\"offer\": \"25\", \"bid\": \"39\"", "match #0 (offer \"25\" -> bid \"39\"): names offer \"25\"")]
    [TestCase("\"allocation\": 16000}],\n \"bids\"", "\"allocation\": 15000}],\n \"bids\"", "offer #0 (id \"24\"): allocation 15000 Wh differs from the sum of its matches")]
    [TestCase("\"24\": 15000", "\"24\": -3", "reading \"24\": must not be negative")]
    [TestCase("\"penaltyRate\": 1000", "\"penaltyRate\": -1", "params.penaltyRate: must not be negative")]
    [TestCase("\"penaltyRate\": 1000", "\"penaltyRate\": 1.5", "params: penaltyRate must be an integer")]
    [TestCase("{\"id\": \"39\", \"energy\": 16000,", "{\"id\": \"39\",", "bid #0 (id \"39\"): energy is missing")]
    [TestCase("\"matches\": [", "\"matchez\": [", "missing \"matches\" array")]
    public async Task MalformedInputIsOneLineNamingTheItemWithExitCodeTwo(string replace, string with, string expected)
    {
        var window = MarketMdWindow.Replace("\r\n", "\n");
        Assert.That(window, Does.Contain(replace), "the test's own edit must apply");

        var run = await CliRun.Of("market", "settle", "--input", BookFiles.Write(window.Replace(replace, with)), "--json");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(expected));
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one line, no stack trace");
        Assert.That(run.Out, Is.Empty);
    }

    [Test]
    public async Task AMissingFileOrOptionIsAUsageError()
    {
        var missingFile = await CliRun.Of("market", "settle", "--input", "/no/such/window.json");
        var missingOption = await CliRun.Of("market", "settle");

        Assert.That(missingFile.ExitCode, Is.EqualTo(2));
        Assert.That(missingFile.Error, Does.Contain("/no/such/window.json"));
        Assert.That(missingOption.ExitCode, Is.EqualTo(2));
        Assert.That(missingOption.Error, Does.Contain("--input"));
    }
}
