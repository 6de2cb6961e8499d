using System.CommandLine;
using EnergyAuction.Cli.Connection;
using EnergyAuction.Cli.Output;
using EnergyAuction.Cli.Wallet;
using EnergyAuction.Chain.Transactions;

namespace EnergyAuction.Cli.Commands.Account;

/// <summary>`energy send --to ADDRESS --amount 1ether`: move ether between accounts (funding a household).</summary>
public static class SendCommand
{
    public static Command Build(CliContext context)
    {
        var to = Addresses.Option("--to", "Recipient address");
        to.Required = true;
        var amount = Amounts.WeiOption("--amount", "How much to send, e.g. 1ether, 500gwei");
        amount.Required = true;
        var command = new Command("send", "Send ether to another account\n\nExample:\n  energy send --to 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 --amount 1ether")
        {
            to, amount, SharedOptions.From, SharedOptions.KeystoreDir, SharedOptions.Rpc, SharedOptions.Deployment,
        };
        command.SetAction(async (parseResult, _) =>
        {
            var recipient = parseResult.GetRequiredValue(to);
            var wei = parseResult.GetValue(amount);
            if (wei.IsZero)
                throw CliException.Usage("--amount must be more than 0");
            var (wallet, key) = WalletUnlock.Unlock(context, parseResult);
            using var market = MarketConnection.Open(parseResult, key);
            await Funds.RequireAsync(market, wallet, wei, $"sending {Amounts.FormatWei(wei)}");
            var receipt = await market.Transactions!.SendAndWaitAsync(new TransactionInput(recipient, [], wei));
            context.For(parseResult).WriteResult($"sent {Amounts.FormatWei(wei)} from {wallet.Name} ({wallet.Address}) to {recipient} in {receipt.TransactionHash}", json =>
            {
                json.WriteString("from", wallet.Address);
                json.WriteString("to", recipient);
                json.WriteNumber("amountWei", wei);
                json.WriteString("transaction", receipt.TransactionHash);
            });

            return ExitCodes.Success;
        });
        return command;
    }
}
