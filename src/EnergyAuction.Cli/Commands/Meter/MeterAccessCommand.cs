using System.CommandLine;
using EnergyAuction.Cli.Connection;
using EnergyAuction.Cli.Wallet;

namespace EnergyAuction.Cli.Commands.Meter;

/// <summary>`energy meter grant|revoke --meter ID`: lets EnergyTrade (through the oracle) read the meter, or stops it.
/// Orders need the grant; without it the market cannot check offers or settle deliveries.</summary>
public static class MeterAccessCommand
{
    public static Command Build(CliContext context, bool grant)
    {
        var meter = MeterOption.Create();
        var verb = grant ? "grant" : "revoke";
        var command = new Command(verb,
            (grant ? "Let the market read your meter (needed before placing orders)" : "Stop the market reading your meter")
            + $"\n\nExample:\n  energy meter {verb} --meter M-7 --from home")
        {
            meter, SharedOptions.From, SharedOptions.KeystoreDir, SharedOptions.Rpc, SharedOptions.Deployment,
        };
        command.SetAction(async (parseResult, _) =>
        {
            var id = parseResult.GetRequiredValue(meter);
            var (wallet, key) = WalletUnlock.Unlock(context, parseResult);
            using var market = await MarketConnection.OpenAsync(parseResult, key);
            var trade = market.Deployment.EnergyTrade;
            var receipt = grant
                ? await market.DataAccess.GrantAccessAsync(id, trade)
                : await market.DataAccess.RevokeAccessAsync(id, trade);
            var text = grant
                ? $"meter {id}: EnergyTrade ({trade}) may now read it (granted by {wallet.Name})"
                : $"meter {id}: EnergyTrade ({trade}) may no longer read it (revoked by {wallet.Name})";
            context.For(parseResult).WriteResult(text, json =>
            {
                json.WriteString("meter", id);
                json.WriteBoolean("access", grant);
                json.WriteString("requester", trade);
                json.WriteString("transaction", receipt.TransactionHash);
            });

            return ExitCodes.Success;
        });
        return command;
    }
}
