using System.CommandLine;
using System.Numerics;
using EnergyAuction.Chain.Events;
using EnergyAuction.Cli.Connection;
using EnergyAuction.Cli.Output;
using EnergyAuction.Cli.Wallet;

namespace EnergyAuction.Cli.Commands.Account;

/// <summary>`energy withdraw`: pull everything the market credited to the wallet (payouts, refunds, fees).</summary>
public static class WithdrawCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("withdraw", "Withdraw the wallet's payouts and refunds from the market\n\nExample:\n  energy withdraw --from home")
        {
            SharedOptions.From, SharedOptions.KeystoreDir, SharedOptions.Rpc, SharedOptions.Deployment,
        };
        command.SetAction(async (parseResult, _) =>
        {
            var (wallet, key) = WalletUnlock.Unlock(context, parseResult);
            using var market = await MarketConnection.OpenAsync(parseResult, key);
            var receipt = await market.Trade.WithdrawAsync();
            var amount = market.Trade.DecodeEvents<WithdrawnEvent>(receipt).Aggregate(BigInteger.Zero, (sum, e) => sum + e.Amount);
            context.For(parseResult).WriteResult($"withdrew {Amounts.FormatWei(amount)} to {wallet.Name} ({wallet.Address}) in {receipt.TransactionHash}", json =>
            {
                json.WriteString("address", wallet.Address);
                json.WriteNumber("withdrawnWei", amount);
                json.WriteString("transaction", receipt.TransactionHash);
            });

            return ExitCodes.Success;
        });
        return command;
    }
}
