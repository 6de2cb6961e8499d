using System.CommandLine;
using EnergyAuction.Cli.Connection;
using EnergyAuction.Cli.Output;
using EnergyAuction.Cli.Wallet;

namespace EnergyAuction.Cli.Commands.Account;

/// <summary>`energy balance [ADDRESS]`: what a wallet (or any account) holds on chain and what the market owes it (withdrawable).</summary>
public static class BalanceCommand
{
    public static Command Build(CliContext context)
    {
        var account = Addresses.Argument("ADDRESS", "Any account to look at (default: the wallet, --from)");
        var command = new Command("balance",
            "Show a wallet's (or any account's) balance and what it can withdraw from the market\n\nExamples:\n  energy balance --from home\n  energy balance 0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
        {
            account, SharedOptions.From, SharedOptions.KeystoreDir, SharedOptions.Rpc, SharedOptions.Deployment,
        };
        command.SetAction(async (parseResult, _) =>
        {
            var address = parseResult.GetValue(account);
            var wallet = address is null ? WalletUnlock.Choose(context, parseResult) : null;
            address ??= wallet!.Address;
            using var market = await MarketConnection.OpenAsync(parseResult);
            var balance = await market.Rpc.GetBalanceAsync(address);
            var withdrawable = await market.Trade.WithdrawableAsync(address);
            var output = context.For(parseResult);
            if (output.Json)
            {
                output.WriteJson(json =>
                {
                    json.WriteStartObject();
                    json.WriteString("address", address);
                    json.WriteNumber("balanceWei", balance);
                    json.WriteNumber("withdrawableWei", withdrawable);
                    json.WriteEndObject();
                });
            }
            else
            {
                output.WriteLine(wallet is null ? $"account:      {address}" : $"wallet:       {wallet.Name} ({wallet.Address})");
                output.WriteLine($"balance:      {Amounts.FormatWei(balance)}");
                output.WriteLine($"withdrawable: {Amounts.FormatWei(withdrawable)}{(withdrawable > 0 ? (wallet is null ? " (its owner takes it with `energy withdraw`)" : " (take it with `energy withdraw`)") : "")}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
