namespace EnergyAuction.Cli.Tests.Live;

/// <summary>A household checks its meter, revokes and re-grants the market's access; the registrar cannot register a meter
/// twice, and the operator cannot register one at all.</summary>
public class MeterCommandsTests
{
    [Test]
    public async Task StatusFollowsGrantAndRevoke()
    {
        var household = await Household.CreateAsync("meter", bus: 34);

        var granted = (await Energy.Ok("meter", "status", "--meter", household.Meter, "--json")).Json;
        await Energy.Ok("meter", "revoke", "--meter", household.Meter, "--from", household.Name);
        var revoked = await Energy.Ok("meter", "status", "--meter", household.Meter);

        Assert.That(granted.GetProperty("owner").GetString(), Is.EqualTo(household.Address));
        Assert.That(granted.GetProperty("bus").GetUInt32(), Is.EqualTo(34));
        Assert.That(granted.GetProperty("marketAccess").GetBoolean(), Is.True);
        Assert.That(revoked.Out, Does.Contain("market access: not granted").And.Contain($"energy meter grant --meter {household.Meter}"));
    }

    [Test]
    public async Task AnUnregisteredMeterSaysWhoRegistersIt()
    {
        var run = await Energy.Ok("meter", "status", "--meter", "NOBODY");

        Assert.That(run.Out, Does.Contain("meter NOBODY: not registered"));
    }

    [Test]
    public async Task RegisteringAMeterTwiceShowsTheRevert()
    {
        var household = await Household.CreateAsync("twice", bus: 34);

        var run = await CliRun.Of("meter", "register", "--meter", household.Meter, "--owner", household.Address, "--bus", "47", "--from", "registrar");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("error: DataAccess reverted: MeterAlreadyRegistered("));
    }

    [Test]
    public async Task TheOperatorCannotRegisterAMeterNorTheRegistrarGiveOneToTheOperator()
    {
        var byOperator = await CliRun.Of("meter", "register", "--meter", "BYOP", "--owner", Devnet.HardhatAccounts.Keys[9].Address, "--bus", "34", "--from", "operator");
        var toOperator = await CliRun.Of("meter", "register", "--meter", "TOOP", "--owner", LiveMarket.OperatorKey.Address, "--bus", "34", "--from", "registrar");

        Assert.That(byOperator.ExitCode, Is.EqualTo(1), byOperator.ToString());
        Assert.That(byOperator.Error, Does.StartWith("error: DataAccess reverted: AccessControlUnauthorizedAccount(").And.Contain("meter registration the registrar's"));
        Assert.That(toOperator.ExitCode, Is.EqualTo(1), toOperator.ToString());
        Assert.That(toOperator.Error, Does.StartWith($"error: DataAccess reverted: RoleHolderCannotOwnMeter({LiveMarket.OperatorKey.Address})"));
        Assert.That((await LiveMarket.Operator.DataAccess.MeterOfAsync("BYOP")).IsRegistered, Is.False);
        Assert.That((await LiveMarket.Operator.DataAccess.MeterOfAsync("TOOP")).IsRegistered, Is.False);
    }

    // Bus 999999 is not on the feeder; bus 1, its source, is, but no household's load sits on it, so the feeder
    // registry holds no distance to it and no match of such a meter could ever be posted.
    [TestCase("NOWHERE", "999999", "is not a bus of the feeder in {0}; its loads.csv lists the buses meters sit on (e.g. 34)")]
    [TestCase("SOURCE", "1", "is on the feeder in {0} but no load sits on it: the feeder registry holds distances between load buses only (loads.csv lists them, e.g. 34)")]
    public async Task ABusNoLoadOfTheFeederSitsOnIsRefused(string meter, string bus, string reason)
    {
        var feeder = Data.SharedDataDirectory.FeederDirectory(Devnet.RepoPaths.SharedDataDir);
        Assume.That(File.Exists(Path.Combine(feeder, "lines.csv")), $"needs the IEEE feeder in {feeder}");

        var run = await CliRun.Of("meter", "register", "--meter", meter, "--owner", Devnet.HardhatAccounts.Keys[9].Address, "--bus", bus, "--from", "registrar");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error.Trim(), Is.EqualTo($"error: --bus {bus} " + string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, Path.GetFullPath(feeder))));
        Assert.That((await LiveMarket.Operator.DataAccess.MeterOfAsync(meter)).IsRegistered, Is.False);
    }

    [Test]
    public async Task AnInvalidMeterIdIsAUsageError()
    {
        var run = await CliRun.Of("meter", "status", "--meter", "LOAD/12");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("meter id 'LOAD/12' contains '/'"));
    }
}
