using System.CommandLine;
using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Cli.Connection;
using EnergyAuction.Cli.Output;
using EnergyAuction.Cli.Wallet;
using EnergyAuction.Chain.Crypto;

namespace EnergyAuction.Cli.Commands.Trading;

/// <summary>
/// Placing an offer or a bid: pick the window, check the meter is ours and readable by the market, show the
/// collateral or escrow the order locks and the order fee it pays (never refunded) and ask before sending (unless
/// --yes), then submit with both attached. <see cref="MaxDistanceM"/> is the order's distance preference D (null: the
/// window's L).
/// </summary>
public sealed record OrderPlacement(OrderSide Side, string Meter, long EnergyWh, BigInteger Price, ulong? Window, uint? MaxDistanceM = null)
{
    private string Noun => Side == OrderSide.Offer ? "offer" : "bid";

    private string DepositName => Side == OrderSide.Offer ? "collateral" : "escrow";

    public async Task<int> RunAsync(CliContext context, ParseResult parseResult)
    {
        var wallet = WalletUnlock.Choose(context, parseResult);
        using var reader = await MarketConnection.OpenAsync(parseResult);
        var windowId = Window ?? await WindowChoice.TakingOrdersAsync(reader);
        var parameters = (await reader.Trade.GetWindowAsync(windowId)).Params;
        OrderLimits.Require(this, windowId, parameters, parseResult);
        var distance = MaxDistanceM ?? parameters.MaxDistanceM;
        var fee = parameters.OrderFee;
        await RequireMeterAsync(reader, wallet);
        var energy = (ulong)EnergyWh;
        var deposit = Side == OrderSide.Offer
            ? await reader.Trade.OfferCollateralAsync(windowId, energy)
            : await reader.Trade.BidEscrowAsync(windowId, energy, Price);
        var summary = Side == OrderSide.Offer
            ? $"offer {Amounts.FormatEnergy(EnergyWh)} from meter {Meter} at no less than {Amounts.FormatWei(Price)}/kWh in window {windowId}; "
              + $"collateral {Amounts.FormatWei(deposit)} (covers the penalty if you deliver less; returned after settlement)"
              + OrderFeeText(fee, distance)
            : $"bid for {Amounts.FormatEnergy(EnergyWh)} to meter {Meter} at no more than {Amounts.FormatWei(Price)}/kWh in window {windowId}; "
              + $"escrow {Amounts.FormatWei(deposit)} (the most you can pay incl. grid fees, plus your penalty collateral; the rest is refunded after settlement)"
              + OrderFeeText(fee, distance);
        await Funds.RequireAsync(reader, wallet, deposit + fee, $"the {Noun}'s {DepositName} and order fee");
        Confirmation.Require(context, parseResult, summary);

        var (_, key) = WalletUnlock.Unlock(context, wallet);
        using var market = reader.As(key);
        var (orderId, receipt) = Side == OrderSide.Offer
            ? await market.Trade.SubmitOfferAsync(windowId, Meter, energy, Price, deposit, distance)
            : await market.Trade.SubmitBidAsync(windowId, Meter, energy, Price, deposit, distance);
        var order = await market.Trade.GetOrderAsync(orderId);
        var text = $"placed {Noun} {orderId} in window {windowId}: {Amounts.FormatEnergy(EnergyWh)} at {Amounts.FormatWei(Price)}/kWh, "
            + $"{DepositName} {Amounts.FormatWei(deposit)}, order fee {Amounts.FormatWei(fee)}, within {distance} m; status {OrderStatusText.Code(order.Status)}";
        context.For(parseResult).WriteResult(text, json =>
        {
            json.WriteNumber("order", orderId);
            json.WriteNumber("window", windowId);
            json.WriteString("side", Noun);
            json.WriteString("meter", Meter);
            json.WriteNumber("energyWh", EnergyWh);
            json.WriteNumber("price", Price);
            json.WriteNumber("depositWei", deposit);
            json.WriteNumber("orderFeeWei", fee);
            json.WriteNumber("maxDistanceM", order.MaxDistanceM);
            json.WriteString("status", OrderStatusText.Code(order.Status));
            json.WriteString("transaction", receipt.TransactionHash);
        });

        return ExitCodes.Success;
    }

    private static string OrderFeeText(BigInteger fee, uint distance) =>
        $"; order fee {Amounts.FormatWei(fee)} (pays the operator for the order's oracle requests; not refunded); "
        + $"preferred counterparties within {distance} m";

    private async Task RequireMeterAsync(MarketClient market, WalletEntry wallet)
    {
        var (owner, access) = await market.DataAccess.OwnerAndAccessAsync(Meter, market.Deployment.EnergyTrade);
        if (ChainAddress.AreEqual(owner, ChainAddress.ZeroAddress))
            throw CliException.Failure($"meter {Meter} is not registered; the registrar (the DSO) registers it with `energy meter register`");
        if (!ChainAddress.AreEqual(owner, wallet.Address))
            throw CliException.Failure($"meter {Meter} belongs to {owner}, not to wallet {wallet.Name} ({wallet.Address}); choose the owner's wallet with --from");
        if (!access)
            throw CliException.Failure($"meter {Meter} has not granted the market access (no data-access grant); run `energy meter grant --meter {Meter}` first");
    }
}
