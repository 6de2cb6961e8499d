using System.CommandLine;
using EnergyAuction.Cli.Connection;
using EnergyAuction.Cli.Output;
using EnergyAuction.Cli.Wallet;

namespace EnergyAuction.Cli.Commands.Trading;

/// <summary>`energy cancel ORDER`: withdraw an order while its window still takes orders; its money becomes withdrawable.</summary>
public static class CancelCommand
{
    public static Command Build(CliContext context)
    {
        var order = Ids.Argument("ORDER", "order", "the number `energy orders` lists for each of your orders");
        var command = new Command("cancel", "Cancel one of your orders while its window takes orders\n\nExample:\n  energy cancel 42 --from home")
        {
            order, SharedOptions.From, SharedOptions.KeystoreDir, SharedOptions.Rpc, SharedOptions.Deployment,
        };
        command.SetAction(async (parseResult, _) =>
        {
            var id = parseResult.GetValue(order);
            var (_, key) = WalletUnlock.Unlock(context, parseResult);
            using var market = await MarketConnection.OpenAsync(parseResult, key);
            var receipt = await market.Trade.CancelOrderAsync(id);
            var info = await market.Trade.GetOrderAsync(id);
            context.For(parseResult).WriteResult($"cancelled order {id}; {Amounts.FormatWei(info.Deposit)} is withdrawable (`energy withdraw`)", json =>
            {
                json.WriteNumber("order", id);
                json.WriteString("status", OrderStatusText.Code(info.Status));
                json.WriteNumber("creditedWei", info.Deposit);
                json.WriteString("transaction", receipt.TransactionHash);
            });

            return ExitCodes.Success;
        });
        return command;
    }
}
