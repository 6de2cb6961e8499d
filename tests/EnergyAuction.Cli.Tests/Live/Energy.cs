namespace EnergyAuction.Cli.Tests.Live;

/// <summary>Runs `energy` in-process and insists it succeeded (for the steps a test builds on, not the ones it checks).</summary>
public static class Energy
{
    public static async Task<CliRun> Ok(params string[] args)
    {
        var run = await CliRun.Of(args);
        Assert.That(run.ExitCode, Is.Zero, $"energy {string.Join(' ', args)}\n{run}");
        return run;
    }

    /// <summary>Names <paramref name="feeRecipient"/> the market's fee recipient (the admin's call), then opens a short
    /// window as the operator (a minute per phase) and returns its id.</summary>
    public static async Task<ulong> OpenWindowAsync(string feeRecipient, params string[] extra)
    {
        await LiveMarket.Operator.Trade.SetFeeRecipientAsync(feeRecipient);
        var run = await Ok(["window", "open", "--bidding", "60s", "--matching", "60s", "--transfer", "60s", "--settlement", "60s", "--grace", "60s",
            "--max-distance", "2000", "--from", "operator", "--json", .. extra]);
        return run.Json.GetProperty("window").GetUInt64();
    }
}
