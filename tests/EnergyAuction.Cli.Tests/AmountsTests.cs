using System.Numerics;

namespace EnergyAuction.Cli.Tests;

public class AmountsTests
{
    [TestCase("7.5kWh", 7500)]
    [TestCase("7500Wh", 7500)]
    [TestCase("7.5 kWh", 7500)]
    [TestCase(" 0.001kwh ", 1)]
    [TestCase("7.500000kWh", 7500)]
    [TestCase("9223372036854775807Wh", long.MaxValue)]
    public void EnergyParsesExactlyToWh(string text, long wh) => Assert.That(Amounts.ParseEnergyWh(text), Is.EqualTo(wh));

    [TestCase("7.5", 7500)]
    [TestCase("0.001", 1)]
    [TestCase("12", 12000)]
    public void KwhNumbersParseToWh(string text, long wh) => Assert.That(Amounts.ParseKwh(text), Is.EqualTo(wh));

    [TestCase("7.5Wh", "more precise than 1 Wh")]
    [TestCase("0.0001kWh", "more precise than 1 Wh")]
    [TestCase("7.5", "unit")]
    [TestCase("-1kWh", "not an energy")]
    [TestCase("1e3Wh", "unit")]
    [TestCase("5 MJ", "unknown unit \"MJ\"")]
    [TestCase("9223372036854775808Wh", "more energy")]
    public void BadEnergiesSayWhatIsWrong(string text, string message) =>
        Assert.That(() => Amounts.ParseEnergyWh(text), Throws.TypeOf<FormatException>().With.Message.Contains(message));

    [TestCase("54000gwei", "54000000000000")]
    [TestCase("0.001ether", "1000000000000000")]
    [TestCase("123wei", "123")]
    [TestCase("1.5 GWEI", "1500000000")]
    [TestCase("115792089237316195423570985008687907853269984665640564039457584007913129639935wei",
        "115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    public void MoneyParsesExactlyToWei(string text, string wei) => Assert.That(Amounts.ParseWei(text), Is.EqualTo(BigInteger.Parse(wei)));

    [TestCase("1.5wei", "more precise than 1 wei")]
    [TestCase("0.0000000000000000001ether", "more precise than 1 wei")]
    [TestCase("12", "unit")]
    [TestCase("3 dollars", "unknown unit")]
    public void BadMoneySaysWhatIsWrong(string text, string message) =>
        Assert.That(() => Amounts.ParseWei(text), Throws.TypeOf<FormatException>().With.Message.Contains(message));

    [TestCase(7500, "7.5kWh")]
    [TestCase(1000, "1kWh")]
    [TestCase(999, "999Wh")]
    [TestCase(1001, "1.001kWh")]
    public void EnergyFormatsAndParsesBack(long wh, string text)
    {
        Assert.That(Amounts.FormatEnergy(wh), Is.EqualTo(text));
        Assert.That(Amounts.ParseEnergyWh(text), Is.EqualTo(wh));
    }

    [TestCase("54000000000000", "54000gwei")]
    [TestCase("1000000000000000", "0.001ether")]
    [TestCase("1234567891", "1.234567891gwei")]
    [TestCase("123", "123wei")]
    [TestCase("0", "0wei")]
    public void MoneyFormatsAndParsesBack(string wei, string text)
    {
        Assert.That(Amounts.FormatWei(BigInteger.Parse(wei)), Is.EqualTo(text));
        Assert.That(Amounts.ParseWei(text), Is.EqualTo(BigInteger.Parse(wei)));
    }

    [TestCase("54000gwei/kWh", "54000000000000")]
    [TestCase("54000gwei / kwh", "54000000000000")]
    [TestCase("54000gwei", "54000000000000")]
    [TestCase("0.00005ether/kWh", "50000000000000")]
    public void PricesTakeTheNotationTheToolPrints(string text, string wei) =>
        Assert.That(Amounts.ParsePrice(text), Is.EqualTo(BigInteger.Parse(wei)));

    [TestCase("54000gwei/Wh", "\"54000gwei/Wh\": prices are per kWh; write e.g. 54000gwei/kWh or 54000gwei")]
    [TestCase("340282366920938463463374607431768211456wei", "is out of range: a price is at most 2^128 - 1 wei per kWh")]
    public void PricesSayWhatIsWrong(string text, string message) =>
        Assert.That(() => Amounts.ParsePrice(text), Throws.TypeOf<FormatException>().With.Message.Contains(message));

    [Test]
    public void MoneyErrorsGiveAMoneyExampleAndARangeError()
    {
        Assert.That(() => Amounts.ParseWei("54000"), Throws.TypeOf<FormatException>().With.Message.EqualTo(
            "\"54000\" is not an amount: expected a non-negative number and a unit (wei, gwei or ether), e.g. 54000gwei or 0.05ether"));
        Assert.That(() => Amounts.ParseWei("115792089237316195423570985008687907853269984665640564039457584007913129639936wei"),
            Throws.TypeOf<FormatException>().With.Message.EndsWith("is out of range: no amount exceeds 2^256 - 1 wei"));
    }

    [Test]
    public void AnAddressWithABadChecksumSaysSo()
    {
        var to = Addresses.Option("--to", "recipient");
        var command = new System.CommandLine.RootCommand { to };

        var good = command.Parse(["--to", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"]);
        var lower = command.Parse(["--to", "0x70997970c51812dc3a010c7d01b50e0d17dc79c8"]);
        var mistyped = command.Parse(["--to", "0x70997970C51812DC3A010C7d01b50e0d17dc79C8"]);

        Assert.That(good.Errors, Is.Empty);
        Assert.That(lower.GetValue(to), Is.EqualTo("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"));
        Assert.That(mistyped.Errors.Single().Message, Is.EqualTo(
            "--to \"0x70997970C51812DC3A010C7d01b50e0d17dc79C8\": the checksum does not match (its mixed case says a character is mistyped); check the address, or give it all in lower case"));
    }

    [Test]
    public void JsonIntegersBeyondTwoToThe53AreStrings()
    {
        using var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            Output.JsonWriterExtensions.WriteNumber(json, "exact", BigInteger.Pow(2, 53));
            Output.JsonWriterExtensions.WriteNumber(json, "balanceWei", BigInteger.Parse("9998159150642616319"));
            json.WriteEndObject();
        }

        Assert.That(System.Text.Encoding.UTF8.GetString(buffer.ToArray()), Is.EqualTo("""{"exact":9007199254740992,"balanceWei":"9998159150642616319"}"""));
    }

    [Test]
    public void AmountOptionsTurnBadValuesIntoUsageErrors()
    {
        var energy = Amounts.EnergyOption("--energy", "energy");
        var price = Amounts.WeiOption("--price", "price");
        var kwh = Amounts.KwhOption("--kwh", "kWh");
        var command = new System.CommandLine.RootCommand { energy, price, kwh };

        var good = command.Parse(["--energy", "7.5kWh", "--price", "54000gwei", "--kwh", "2.5"]);
        var bad = command.Parse(["--energy", "7.5Wh", "--price", "54000gwei"]);

        Assert.That(good.Errors, Is.Empty);
        Assert.That(good.GetValue(energy), Is.EqualTo(7500));
        Assert.That(good.GetValue(price), Is.EqualTo(BigInteger.Parse("54000000000000")));
        Assert.That(good.GetValue(kwh), Is.EqualTo(2500));
        Assert.That(bad.Errors.Select(e => e.Message), Has.One.Contains("--energy").And.One.Contains("more precise than 1 Wh"));
    }
}
