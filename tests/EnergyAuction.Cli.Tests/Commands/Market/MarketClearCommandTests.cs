namespace EnergyAuction.Cli.Tests.Commands.Market;

public class MarketClearCommandTests
{
    [Test]
    public async Task ClearsTheThesisVectorToMarketMdsJson()
    {
        var run = await CliRun.Of("market", "clear", "--input", BookFiles.Write(BookFiles.ThesisVector), "--json");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Out.Trim(), Is.EqualTo(
            """{"mechanism":"dpda","price":16500,"offers":{"4":69250,"20":39250,"45":13250,"24":24250},"bids":{"9":70000,"39":16000,"12":60000}}"""));
        Assert.That(run.Error, Is.Empty);
    }

    [TestCase("mcafee", """{"mechanism":"mcafee","price":16500,"offers":{"4":70000,"20":40000,"45":14000,"24":22000},"bids":{"9":70000,"39":16000,"12":60000}}""")]
    [TestCase("uniform", """{"mechanism":"uniform","price":16500,"offers":{"4":70000,"20":40000,"45":14000,"24":25000,"11":17000},"bids":{"9":70000,"39":16000,"12":60000,"16":20000}}""")]
    public async Task TheFilesMechanismChoosesTheAuction(string mechanism, string expected)
    {
        var book = BookFiles.ThesisVector.Replace("\"dpda\"", $"\"{mechanism}\"");

        var run = await CliRun.Of("market", "clear", "--input", BookFiles.Write(book), "--json");

        Assert.That(run.Out.Trim(), Is.EqualTo(expected));
    }

    [Test]
    public async Task MechanismOptionOverridesTheFile()
    {
        var run = await CliRun.Of("market", "clear", "--input", BookFiles.Write(BookFiles.ThesisVector), "--mechanism", "uniform", "--json");

        Assert.That(run.Out, Does.StartWith("""{"mechanism":"uniform","price":16500,"""));
    }

    [Test]
    public async Task NoTradePrintsANullPriceAndEmptyMaps()
    {
        var book = """{"offers": [{"id": "s", "energy": 10, "price": 30, "seq": 1}], "bids": [{"id": "b", "energy": 10, "price": 20, "seq": 1}]}""";

        var run = await CliRun.Of("market", "clear", "--input", BookFiles.Write(book), "--json");

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out.Trim(), Is.EqualTo("""{"mechanism":"dpda","price":null,"offers":{},"bids":{}}"""));
    }

    [Test]
    public async Task PricesBeyondTwoToThe53KeepEveryDigitAsStrings()
    {
        var huge = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
        var book = $$"""{"mechanism": "uniform", "offers": [{"id": "s", "energy": 10, "price": {{huge}}, "seq": 1}], "bids": [{"id": "b", "energy": 10, "price": {{huge}}, "seq": 1}]}""";

        var run = await CliRun.Of("market", "clear", "--input", BookFiles.Write(book), "--json");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain($"\"price\":\"{huge}\","));
    }

    [Test]
    public async Task WithoutJsonPrintsAReadableTable()
    {
        var run = await CliRun.Of("market", "clear", "--input", BookFiles.Write(BookFiles.ThesisVector));

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out, Does.Contain("mechanism: dpda").And.Contain("price:     16500wei/kWh").And.Contain("traded:    146000 Wh"));
        Assert.That(run.Out, Does.Match(@"offer\s+20\s+39250\s+39\.25kWh"));
        Assert.That(run.Out, Does.Match(@"bid\s+12\s+60000\s+60kWh"));
    }

    [TestCase("""{"id": "13", "energy": -5, "price": 1, "seq": 9}""", "offer #1 (id \"13\"): energy")]
    [TestCase("""{"id": "13", "energy": 0, "price": 1, "seq": 9}""", "offer #1 (id \"13\"): energy")]
    [TestCase("""{"id": "13", "price": 1, "seq": 9}""", "offer #1 (id \"13\"): energy is missing")]
    [TestCase("""{"id": "13", "energy": 5, "price": 1.5, "seq": 9}""", "offer #1 (id \"13\"): price must be an integer")]
    [TestCase("""{"id": "13", "energy": 5, "price": "1", "seq": 9}""", "offer #1 (id \"13\"): price must be an integer")]
    [TestCase("""{"energy": 5, "price": 1, "seq": 9}""", "offer #1: id is missing")]
    [TestCase("""{"id": 13, "energy": 5, "price": 1, "seq": 9}""", "offer #1: id is missing or not a string")]
    [TestCase("""{"id": "a", "energy": 5, "price": 1, "seq": 2}""", "offer #1 (id \"a\"): id is a duplicate")]
    [TestCase("""{"id": "13", "energy": 5, "price": 1, "seq": 1}""", "offer #1 (id \"13\"): seq 1 is a duplicate")]
    [TestCase("""{"id": "13", "energy": 99999999999999999999, "price": 1, "seq": 2}""", "offer #1 (id \"13\"): energy")]
    public async Task AMalformedOrderIsExitCodeTwoNamingTheOrderAndFieldWithNoOutput(string secondOffer, string expected)
    {
        var book = $$"""{"offers": [{"id": "a", "energy": 5, "price": 1, "seq": 1}, {{secondOffer}}], "bids": [{"id": "b", "energy": 5, "price": 9, "seq": 1}]}""";

        var run = await CliRun.Of("market", "clear", "--input", BookFiles.Write(book), "--json");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(expected));
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one line, no stack trace");
        Assert.That(run.Out, Is.Empty);
    }

    [TestCase("""[1, 2]""", "expected a JSON object")]
    [TestCase("""{"offers": []}""", "missing \"bids\" array")]
    [TestCase("""{"offers": [], "bids": [], "mechanism": "vickrey"}""", "mechanism \"vickrey\" is not one of")]
    [TestCase("""{"offers": [""", "is not valid JSON")]
    public async Task AMalformedBookIsExitCodeTwo(string book, string expected)
    {
        var run = await CliRun.Of("market", "clear", "--input", BookFiles.Write(book));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(expected));
        Assert.That(run.Out, Is.Empty);
    }

    [Test]
    public async Task AMissingFileOrOptionIsAUsageError()
    {
        var missingFile = await CliRun.Of("market", "clear", "--input", "/no/such/book.json");
        var missingOption = await CliRun.Of("market", "clear");
        var badMechanism = await CliRun.Of("market", "clear", "--input", "x.json", "--mechanism", "vickrey");

        Assert.That(missingFile.ExitCode, Is.EqualTo(2));
        Assert.That(missingFile.Error, Does.Contain("/no/such/book.json"));
        Assert.That(missingOption.ExitCode, Is.EqualTo(2));
        Assert.That(missingOption.Error, Does.Contain("--input"));
        Assert.That(badMechanism.ExitCode, Is.EqualTo(2));
        Assert.That(badMechanism.Error, Does.Contain("vickrey"));
    }

    [Test]
    public async Task VerboseReportsWhatWasReadOnStderrAndKeepsStdoutClean()
    {
        var run = await CliRun.Of("market", "clear", "--input", BookFiles.Write(BookFiles.ThesisVector), "--json", "--verbose");

        Assert.That(run.Error, Does.Contain("8 offers, 7 bids; clearing with dpda"));
        Assert.That(run.Out, Does.StartWith("{").And.EndWith("}" + Environment.NewLine));
    }

    [Test]
    public async Task VerboseAddsTheStackTrace()
    {
        var book = """{"offers": [{"id": "a", "energy": 0, "price": 1, "seq": 1}], "bids": []}""";

        var run = await CliRun.Of("market", "clear", "--input", BookFiles.Write(book), "--verbose");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("InvalidOrderException").And.Contain(" at "));
    }
}
