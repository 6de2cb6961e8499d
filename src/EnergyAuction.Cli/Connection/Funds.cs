using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Cli.Wallet;

namespace EnergyAuction.Cli.Connection;

/// <summary>Checks a payment against the wallet's balance before anything is signed, so a shortfall is one clear line
/// with the figures rather than a node error after the fact (gas comes on top and is left to the node to check).</summary>
public static class Funds
{
    public static async Task RequireAsync(MarketClient market, WalletEntry wallet, BigInteger value, string what)
    {
        var balance = await market.Rpc.GetBalanceAsync(wallet.Address);
        if (balance < value)
            throw CliException.Failure(
                $"insufficient balance: {what} needs {Amounts.FormatWei(value)} plus gas, but {wallet.Name} ({wallet.Address}) holds {Amounts.FormatWei(balance)}; "
                + "fund it with `energy send --to ADDRESS --amount ...` from another wallet");
    }
}
