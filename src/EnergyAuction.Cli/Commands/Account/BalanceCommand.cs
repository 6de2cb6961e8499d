using System.CommandLine;
using EnergyAuction.Cli.Connection;
using EnergyAuction.Cli.Output;
using EnergyAuction.Cli.Wallet;

namespace EnergyAuction.Cli.Commands.Account;

/// <summary>`energy balance`: what the wallet holds on chain and what the market owes it (withdrawable).</summary>
public static class BalanceCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("balance", "Show the wallet's balance and what it can withdraw from the market\n\nExample:\n  energy balance --from home")
        {
            SharedOptions.From, SharedOptions.KeystoreDir, SharedOptions.Rpc, SharedOptions.Deployment,
        };
        command.SetAction(async (parseResult, _) =>
        {
            var wallet = WalletUnlock.Choose(context, parseResult);
            using var market = await MarketConnection.OpenAsync(parseResult);
            var balance = await market.Rpc.GetBalanceAsync(wallet.Address);
            var withdrawable = await market.Trade.WithdrawableAsync(wallet.Address);
            var output = context.For(parseResult);
            if (output.Json)
            {
                output.WriteJson(json =>
                {
                    json.WriteStartObject();
                    json.WriteString("address", wallet.Address);
                    json.WriteNumber("balanceWei", balance);
                    json.WriteNumber("withdrawableWei", withdrawable);
                    json.WriteEndObject();
                });
            }
            else
            {
                output.WriteLine($"wallet:       {wallet.Name} ({wallet.Address})");
                output.WriteLine($"balance:      {Amounts.FormatWei(balance)}");
                output.WriteLine($"withdrawable: {Amounts.FormatWei(withdrawable)}{(withdrawable > 0 ? " (take it with `energy withdraw`)" : "")}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
