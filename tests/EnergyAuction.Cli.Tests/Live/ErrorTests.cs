using EnergyAuction.Devnet;

namespace EnergyAuction.Cli.Tests.Live;

/// <summary>Every error a prosumer or operator can run into: one line on stderr saying what is wrong and what to do,
/// exit code 2 for bad input and 1 for failures, nothing on stdout, no stack trace unless --verbose.</summary>
public class ErrorTests
{
    private static Household? _prosumer;

    private static async Task<Household> ProsumerAsync() => _prosumer ??= await Household.CreateAsync("prosumer", bus: 34);

    [TestCase("--kwh", "7,5", "\"7,5\" is not an energy")]
    [TestCase("--kwh", "7.5MWh", "unknown unit \"MWh\" (expected Wh or kWh)")]
    [TestCase("--kwh", "0.0001", "more precise than 1 Wh")]
    [TestCase("--min-price", "54000", "\"54000\" is not an amount")]
    [TestCase("--min-price", "54000btc", "unknown unit \"btc\" (expected wei, gwei or ether)")]
    [TestCase("--min-price", "54000", "(wei, gwei or ether), e.g. 54000gwei or 0.05ether")]
    [TestCase("--min-price", "54000gwei/Wh", "prices are per kWh; write e.g. 54000gwei/kWh or 54000gwei")]
    public async Task MalformedAmountsAreUsageErrors(string option, string value, string message)
    {
        var args = new Dictionary<string, string> { ["--kwh"] = "7.5", ["--min-price"] = "54000gwei", [option] = value };

        var run = await CliRun.Of("offer", "--kwh", args["--kwh"], "--min-price", args["--min-price"], "--meter", "M1", "--yes");

        AssertError(run, 2, message);
    }

    [Test]
    public async Task BadAddressesAreUsageErrors()
    {
        var run = await CliRun.Of("send", "--to", "0x12345", "--amount", "1ether", "--from", "operator");

        AssertError(run, 2, "--to \"0x12345\" is not an address: expected 0x followed by 40 hex digits");
    }

    [TestCase("-1")]
    [TestCase("4x")]
    public async Task ABadOrderIdSaysWhatAnOrderIdIs(string id)
    {
        var run = await CliRun.Of("cancel", id, "--from", "operator");

        AssertError(run, 2, $"\"{id}\" is not an order id: an order id is a whole number from 1, the number `energy orders` lists for each of your orders");
    }

    [Test]
    public async Task AnAmountBeyondAUint256IsOneLineRangeError()
    {
        var run = await CliRun.Of("send", "--to", HardhatAccounts.Keys[7].Address, "--amount",
            "115792089237316195423570985008687907853269984665640564039457584007913129639936wei", "--from", "operator");

        AssertError(run, 2, "is out of range: no amount exceeds 2^256 - 1 wei");
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task AMistypedChecksumSaysSo()
    {
        var run = await CliRun.Of("send", "--to", "0x70997970C51812DC3A010C7d01b50e0d17dc79C8", "--amount", "1ether", "--from", "operator");

        AssertError(run, 2, "--to \"0x70997970C51812DC3A010C7d01b50e0d17dc79C8\": the checksum does not match");
    }

    [Test]
    public async Task AnOrderAboveTheWindowsMaximumIsRefusedBeforeSending()
    {
        var prosumer = await ProsumerAsync();
        var window = await Energy.OpenWindowAsync(prosumer.Address, "--max-energy", "5kWh");

        var run = await CliRun.Of("offer", "--kwh", "7.5", "--min-price", "54000gwei/kWh", "--meter", prosumer.Meter, "--yes", "--from", prosumer.Name);

        AssertError(run, 2, $"--kwh 7.5: window {window} takes orders of at most 5kWh; split the order or lower --kwh");
        Assert.That((await LiveMarket.Operator.Trade.GetWindowAsync(window)).OrderCount, Is.Zero);
    }

    [Test]
    public async Task ABidFarAboveTheReferencePriceNeedsYes()
    {
        var prosumer = await ProsumerAsync();
        var window = await Energy.OpenWindowAsync(prosumer.Address);

        var run = await CliRun.With(new ScriptedInput(true, "y"),
            "bid", "--kwh", "1", "--max-price", "1ether/kWh", "--meter", prosumer.Meter, "--from", prosumer.Name);

        AssertError(run, 2, $"--max-price 1ether/kWh is 20,000 times window {window}'s reference price 50000gwei/kWh; check the unit, or pass --yes to bid it anyway");
        Assert.That((await LiveMarket.Operator.Trade.GetWindowAsync(window)).OrderCount, Is.Zero);
    }

    [Test]
    public async Task AWrongPasswordSendsNothing()
    {
        var wrong = Path.Combine(LiveMarket.Directory, "wrong-password.txt");
        PrivateFiles.Write(wrong, "not the password");
        Environment.SetEnvironmentVariable(Wallet.PasswordSource.FileVariable, wrong);
        CliRun run;
        try
        {
            run = await CliRun.Of("send", "--to", HardhatAccounts.Keys[7].Address, "--amount", "1ether", "--from", "operator");
        }
        finally
        {
            Environment.SetEnvironmentVariable(Wallet.PasswordSource.FileVariable, LiveMarket.PasswordFile);
        }

        AssertError(run, 1, "wrong password for wallet operator");
    }

    [Test]
    public async Task AWrongPasswordAtThePromptIsRefusedToo()
    {
        Environment.SetEnvironmentVariable(Wallet.PasswordSource.FileVariable, null);
        CliRun run;
        var input = new ScriptedInput(true, "guess");
        try
        {
            run = await CliRun.With(input, "withdraw", "--from", "operator");
        }
        finally
        {
            Environment.SetEnvironmentVariable(Wallet.PasswordSource.FileVariable, LiveMarket.PasswordFile);
        }

        AssertError(run, 1, "wrong password for wallet operator");
        Assert.That(input.Prompts, Is.EqualTo(new[] { $"Password for wallet operator ({LiveMarket.OperatorKey.Address}): " }));
    }

    [TestCase("--password")]
    [TestCase("--password=hunter2")]
    public async Task APasswordFlagIsRefusedWithWhatToUseInstead(string flag)
    {
        var run = await CliRun.Of("wallet", "new", flag);

        AssertError(run, 2, "--password is not accepted");
        Assert.That(run.Error, Does.Contain("ENERGY_PASSWORD_FILE").And.Not.Contain("hunter2"));
    }

    [Test]
    public async Task AnOrderInAWindowPastBiddingShowsTheContractsWrongPhase()
    {
        var prosumer = await ProsumerAsync();
        var window = await Energy.OpenWindowAsync(prosumer.Address);
        await OperatorActions.CloseBiddingAsync(window);

        var run = await CliRun.Of("offer", "--kwh", "1", "--min-price", "50000gwei", "--meter", prosumer.Meter, "--window", window.ToString(),
            "--yes", "--from", prosumer.Name);

        AssertError(run, 1, $"EnergyTrade reverted: WrongPhase({window}, 1, 2): window {window} is in Matching, this needs BiddingOffering");
    }

    [Test]
    public async Task AnOrderWithoutTheDataAccessGrantSaysHowToGrantIt()
    {
        var ungranted = await Household.CreateAsync("ungranted", bus: 47, grant: false);
        await Energy.OpenWindowAsync(ungranted.Address);

        var run = await CliRun.Of("bid", "--kwh", "1", "--max-price", "50000gwei", "--meter", ungranted.Meter, "--yes", "--from", ungranted.Name);

        AssertError(run, 1, $"meter {ungranted.Meter} has not granted the market access (no data-access grant); run `energy meter grant --meter {ungranted.Meter}` first");
    }

    [Test]
    public async Task ASecondOrderOnAMeterInOneWindowSaysToCancelTheFirst()
    {
        var household = await Household.CreateAsync("twice", bus: 47);
        await Energy.OpenWindowAsync(household.Address);
        var first = (await Energy.Ok("bid", "--kwh", "1", "--max-price", "50000gwei", "--meter", household.Meter, "--yes", "--from", household.Name, "--json"))
            .Json.GetProperty("order").GetUInt64();

        var run = await CliRun.Of("bid", "--kwh", "2", "--max-price", "50000gwei", "--meter", household.Meter, "--yes", "--from", household.Name);

        AssertError(run, 1, $"EnergyTrade reverted: MeterHasOpenOrder(");
        AssertError(run, 1, $"meter {household.Meter} already has order {first} open in this window and a meter holds one order per window; "
            + $"to change it, cancel it with `energy cancel {first}` and place the new one");
        Assert.That(run.Error.Split('\n').Count(line => line.StartsWith("error: ", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task ABidBeyondTheBalanceShowsBothFigures()
    {
        var poor = await Household.CreateAsync("poor", bus: 47, funds: "0.01ether");
        await Energy.OpenWindowAsync(poor.Address);

        var run = await CliRun.Of("bid", "--kwh", "50", "--max-price", "1ether", "--meter", poor.Meter, "--yes", "--from", poor.Name);

        // The escrow plus the window's order fee (the CLI's default 1000gwei = 0.000001ether).
        AssertError(run, 1, "insufficient balance: the bid's escrow and order fee needs 50.000551ether plus gas");
        Assert.That(run.Error, Does.Contain("energy send"));
    }

    [Test]
    public async Task WithdrawingNothingShowsTheRevertWithItsArgument()
    {
        var prosumer = await ProsumerAsync();

        var run = await CliRun.Of("withdraw", "--from", prosumer.Name);

        AssertError(run, 1, $"EnergyTrade reverted: NothingToWithdraw({prosumer.Address})");
    }

    [Test]
    public async Task AnUnreachableNodeIsNamed()
    {
        var run = await CliRun.Of("balance", "--rpc", "http://127.0.0.1:9", "--from", "operator");

        AssertError(run, 1, "cannot reach the chain at http://127.0.0.1:9/: is the node running? Pass --rpc URL or set ENERGY_RPC_URL");
    }

    [Test]
    public async Task StackTracesAppearOnlyWithVerbose()
    {
        var quiet = await CliRun.Of("balance", "--rpc", "http://127.0.0.1:9", "--from", "operator");
        var verbose = await CliRun.Of("balance", "--rpc", "http://127.0.0.1:9", "--from", "operator", "--verbose");

        Assert.That(quiet.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(verbose.Error, Does.Contain("RpcUnavailableException").And.Contain("   at "));
    }

    [Test]
    public async Task WithoutATerminalAnOrderNeedsYes()
    {
        var prosumer = await ProsumerAsync();
        await Energy.OpenWindowAsync(prosumer.Address);

        var run = await CliRun.Of("offer", "--kwh", "1", "--min-price", "50000gwei", "--meter", prosumer.Meter, "--from", prosumer.Name);

        AssertError(run, 2, "pass --yes to send without asking");
    }

    [Test]
    public async Task DecliningTheConfirmationSendsNothing()
    {
        var prosumer = await ProsumerAsync();
        var window = await Energy.OpenWindowAsync(prosumer.Address);

        var run = await CliRun.With(new ScriptedInput(true, "n"),
            "offer", "--kwh", "1", "--min-price", "50000gwei", "--meter", prosumer.Meter, "--from", prosumer.Name);

        AssertError(run, 1, "not confirmed; nothing was sent");
        Assert.That((await LiveMarket.Operator.Trade.GetWindowAsync(window)).OrderCount, Is.Zero);
    }

    [Test]
    public async Task AMissingDeploymentRecordSaysHowToGetOne()
    {
        var run = await CliRun.Of("window", "status", "--deployment", "/no/such/deployment.json");

        AssertError(run, 2, "--deployment: file /no/such/deployment.json does not exist");
    }

    [Test]
    public async Task AnUnknownWalletIsAUsageError()
    {
        var run = await CliRun.Of("balance", "--from", "nobody");

        AssertError(run, 2, "--from nobody: no such wallet");
    }

    private static void AssertError(CliRun run, int exitCode, string message)
    {
        Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.ToString());
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[^1], Does.StartWith("error: ").And.Contain(message), run.ToString());
        Assert.That(run.Out, Is.Empty);
    }
}
