using System.CommandLine;
using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Clearing;
using EnergyAuction.Cli.Connection;
using EnergyAuction.Cli.Wallet;

namespace EnergyAuction.Cli.Commands.Window;

/// <summary>`energy window open [parameters]` (operator): a new trading window; defaults are the EnergyAuction paper's
/// phase lengths and the operator daemon's prices.</summary>
public static class WindowOpenCommand
{
    public static Command Build(CliContext context)
    {
        var bidding = Durations.Option("--bidding", "Length of bidding and offering", "10m");
        var matching = Durations.Option("--matching", "Length of matching", "2m");
        var transfer = Durations.Option("--transfer", "Length of the energy transfer", "60m");
        var settlement = Durations.Option("--settlement", "Length of settlement", "3m");
        var grace = Durations.Option("--grace", "How long after a missed deadline anyone may cancel the window", "5m");
        var maxEnergy = Amounts.EnergyOption("--max-energy", "Largest order (default 100kWh)");
        maxEnergy.DefaultValueFactory = _ => 100_000;
        var referencePrice = Price("--reference-price", "Reference price per kWh", "50000gwei");
        var gridCharge = Price("--grid-charge", "Grid charge C_d per kWh per km of feeder", "1000gwei");
        var penaltyRate = Price("--penalty-rate", "Penalty per undelivered kWh (at least 1000 wei, the contract's minimum)", "10000gwei");
        var maxDistance = new Option<uint>("--max-distance") { Description = "Longest feeder distance of a match, metres (default 300)", DefaultValueFactory = _ => 300 };
        var orderFee = Price("--order-fee", "Order fee f every order pays on top of its deposit, never refunded, credited to the operator", "1000gwei");
        var mechanism = new Option<string>("--mechanism") { Description = "Clearing mechanism: dpda (default), mcafee or uniform", DefaultValueFactory = _ => "dpda" };
        mechanism.AcceptOnlyFromAmong("dpda", "mcafee", "uniform");
        var validateOffers = new Option<bool>("--validate-offers") { Description = "Check each offer against the seller's battery through the oracle" };
        var command = new Command("open",
            "Open a trading window (operator wallet)\n\nExample:\n  energy window open --bidding 10m --matching 2m --transfer 1h --settlement 3m --validate-offers --from operator")
        {
            bidding, matching, transfer, settlement, grace, maxEnergy, referencePrice, gridCharge, penaltyRate, maxDistance, orderFee,
            mechanism, validateOffers, SharedOptions.From, SharedOptions.KeystoreDir, SharedOptions.Rpc, SharedOptions.Deployment,
        };
        command.SetAction(async (parseResult, _) =>
        {
            var (_, key) = WalletUnlock.Unlock(context, parseResult);
            var parameters = new WindowParams(
                parseResult.GetValue(bidding), parseResult.GetValue(matching), parseResult.GetValue(transfer), parseResult.GetValue(settlement),
                parseResult.GetValue(grace), (ulong)parseResult.GetValue(maxEnergy), parseResult.GetValue(referencePrice), parseResult.GetValue(gridCharge),
                parseResult.GetValue(maxDistance), parseResult.GetValue(penaltyRate),
                ChainMechanisms.Parse(parseResult.GetValue(mechanism)!), parseResult.GetValue(validateOffers), parseResult.GetValue(orderFee));
            using var market = await MarketConnection.OpenAsync(parseResult, key);
            var (windowId, receipt) = await market.Trade.OpenWindowAsync(parameters);
            var window = await market.Trade.GetWindowAsync(windowId);
            var recipient = await market.Trade.FeeRecipientAsync();
            var text = $"opened window {windowId}: orders until {Clock.Utc(window.BiddingDeadline)}, matching until {Clock.Utc(window.MatchingDeadline)}, "
                + $"transfer until {Clock.Utc(window.TransferDeadline)}, settlement until {Clock.Utc(window.SettlementDeadline)}; fees to {recipient}";
            context.For(parseResult).WriteResult(text, json =>
            {
                json.WriteNumber("window", windowId);
                json.WriteNumber("biddingDeadline", window.BiddingDeadline);
                json.WriteNumber("matchingDeadline", window.MatchingDeadline);
                json.WriteNumber("transferDeadline", window.TransferDeadline);
                json.WriteNumber("settlementDeadline", window.SettlementDeadline);
                json.WriteString("transaction", receipt.TransactionHash);
            });

            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<BigInteger> Price(string name, string description, string defaultValue)
    {
        var option = Amounts.PriceOption(name, $"{description} (default {defaultValue})");
        option.DefaultValueFactory = _ => Amounts.ParseWei(defaultValue);
        return option;
    }
}
