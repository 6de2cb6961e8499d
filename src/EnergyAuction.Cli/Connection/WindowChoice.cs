using EnergyAuction.Chain;

namespace EnergyAuction.Cli.Connection;

/// <summary>Which window an order goes to when --window is not given: the newest one still taking orders.</summary>
public static class WindowChoice
{
    public static async Task<ulong> TakingOrdersAsync(MarketClient market)
    {
        var now = await MarketConnection.ChainTimeAsync(market);
        for (var id = await market.Trade.WindowCountAsync(); id >= 1; id--)
        {
            var window = await market.Trade.GetWindowAsync(id);
            if (window.Phase == WindowPhase.BiddingOffering && now < window.BiddingDeadline)
                return id;
        }

        throw CliException.Failure("no window is taking orders right now; wait for the operator to open one (`energy window status`) or pass --window N");
    }

    /// <summary>The newest window, for commands that show "the current window" by default.</summary>
    public static async Task<ulong> LatestAsync(MarketClient market)
    {
        var count = await market.Trade.WindowCountAsync();
        return count > 0 ? count : throw CliException.Failure("no window has been opened yet; the operator opens one with `energy window open`");
    }
}
