using System.Numerics;

namespace EnergyAuction.Demo;

/// <summary>At the end, every wallet pulls what the market credited it (households, the DSO's grid fees, the operator's
/// order fees): `energy balance` shows it, `energy withdraw` takes it.</summary>
public static class Withdrawals
{
    public static async Task<BigInteger> WithdrawAsync(EnergyCommands energy, string wallet)
    {
        var balance = await energy.RunAsync("balance", "--from", wallet).ConfigureAwait(false);
        if (balance.Wei("withdrawableWei").IsZero) return BigInteger.Zero;
        var withdrawn = await energy.RunAsync("withdraw", "--from", wallet).ConfigureAwait(false);
        return withdrawn.Wei("withdrawnWei");
    }

    /// <summary>Every household's account over all windows, after withdrawing.</summary>
    public static async Task<IReadOnlyList<HouseholdAccount>> SettleUpAsync(DemoMarket market, IReadOnlyList<TradingWindow> windows,
        IReadOnlyList<WindowResult> results)
    {
        var traders = market.Households.Where(h => windows.Any(w => w.Orders.Any(o => o.Household == h))).ToList();
        return await Concurrently.MapAsync(traders, async h =>
        {
            var withdrawn = await WithdrawAsync(market.Energy, h.Wallet).ConfigureAwait(false);
            var orders = windows.SelectMany(w => w.Orders).Where(o => o.Household == h).ToList();
            var mine = results.SelectMany(r => r.Households).Where(r => r.Meter == h.Meter).ToList();
            return new HouseholdAccount(h.Meter, h.Wallet, market.People.Address(h.Wallet), h.IsProsumer, Sum(orders.Select(o => o.Deposit)),
                Sum(orders.Select(o => o.OrderFee)), withdrawn, Sum(mine.Select(r => r.Net)), mine.Sum(r => r.Matches));
        }).ConfigureAwait(false);
    }

    private static BigInteger Sum(IEnumerable<BigInteger> values) => values.Aggregate(BigInteger.Zero, (s, v) => s + v);
}
