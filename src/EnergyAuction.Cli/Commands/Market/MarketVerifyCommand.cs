using System.CommandLine;
using EnergyAuction.Chain;
using EnergyAuction.Clearing;
using EnergyAuction.Cli.Connection;
using EnergyAuction.Chain.Hex;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Data;

namespace EnergyAuction.Cli.Commands.Market;

/// <summary>
/// `energy market verify --window N [--data-dir DIR]`: the audit a prosumer runs without trusting the operator.
/// Recomputes the window's clearing from the on-chain orders and the meters' feeder buses with the same code the
/// operator daemon posts from (EnergyAuction.Clearing), and compares price, matches and result hash with what was posted.
/// Exit 0 when it agrees, 1 when it differs.
/// </summary>
public static class MarketVerifyCommand
{
    public static Command Build(CliContext context)
    {
        var window = new Option<ulong>("--window") { Description = "The window to audit", Required = true };
        var dataDir = FeederOption.Create();
        var command = new Command("verify",
            "Recompute a window's clearing from the chain and compare it with what the operator posted\n\nExample:\n  energy market verify --window 3 --json")
        {
            window, dataDir, SharedOptions.Rpc, SharedOptions.Deployment,
        };
        command.SetAction(async (parseResult, _) =>
        {
            var windowId = parseResult.GetValue(window);
            var feeder = FeederOption.Load(context, parseResult.GetValue(dataDir)).Distances;
            using var market = await MarketConnection.OpenAsync(parseResult);
            if (windowId == 0 || windowId > await market.Trade.WindowCountAsync())
                throw CliException.Usage($"--window {windowId}: no such window; `energy window status` shows the newest");
            var info = await market.Trade.GetWindowAsync(windowId);
            if (info.ResultHash.All(b => b == 0))
                throw CliException.Failure($"window {windowId} has no finalised clearing to verify (phase {info.Phase}); verify it once the operator has finalised matching");

            var book = await WindowOrderBook.ReadAsClearedAsync(market, windowId, info);
            var limits = await market.Trade.GetLimitsAsync();
            var recomputed = WindowClearing.Compute(info.Params, book, feeder, limits.MaxMatchesPerBid);
            var posted = await market.Trade.GetAllWindowMatchesAsync(windowId, info.MatchCount);
            if (parseResult.GetValue(SharedOptions.Verbose))
                context.Note($"window {windowId}: {book.Count} valid orders, {posted.Count} posted matches, {recomputed.Matches.Count} recomputed");
            var comparison = ClearingComparison.Of(windowId, info.Price, posted, info.ResultHash, recomputed,
                new ClearingUnits(Amounts.FormatWei, Amounts.FormatEnergy));
            var registry = await RegistryDistanceCheck.DifferencesAsync(market, book, posted);
            comparison = comparison with { Differences = [.. comparison.Differences, .. registry] };
            Print(context.For(parseResult), comparison);
            return comparison.Agrees ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static void Print(Output.CommandOutput output, ClearingComparison comparison)
    {
        if (output.Json)
        {
            output.WriteJson(json =>
            {
                json.WriteStartObject();
                json.WriteNumber("window", comparison.WindowId);
                json.WriteString("verdict", comparison.Agrees ? "agrees" : "differs");
                json.WriteString("postedHash", HexConvert.ToHex(comparison.PostedHash));
                json.WriteString("recomputedHash", HexConvert.ToHex(comparison.RecomputedHash));
                json.WriteStartArray("differences");
                foreach (var difference in comparison.Differences)
                    json.WriteStringValue(difference);
                json.WriteEndArray();
                json.WriteEndObject();
            });
            return;
        }

        if (comparison.Agrees)
        {
            output.WriteLine($"window {comparison.WindowId}: agrees (result hash {HexConvert.ToHex(comparison.PostedHash)})");
            return;
        }

        output.WriteLine($"window {comparison.WindowId}: DIFFERS: {comparison.Differences[0]}");
        foreach (var difference in comparison.Differences.Skip(1))
            output.WriteLine($"  {difference}");
    }
}
