using System.Numerics;

namespace EnergyAuction.Demo;

/// <summary>
/// The demo households' prices, deterministic and spread around the reference price so the book crosses with
/// several winners on each side and a few orders priced out: sellers ask 80-110 % of the reference, buyers
/// offer 90-130 %. (dpda's trade reduction drops the marginal pair, so a book needs depth to trade at all.)
/// </summary>
public static class OrderPricing
{
    public static readonly BigInteger Gwei = 1_000_000_000;

    /// <summary>The window's reference price: 50,000 gwei per kWh (0.05 ETH per MWh).</summary>
    public static readonly BigInteger ReferencePrice = 50_000 * Gwei;

    private static readonly int[] SellerPercent = [80, 90, 85, 100, 95, 110, 88];
    private static readonly int[] BuyerPercent = [120, 110, 130, 90, 115, 105, 125];

    /// <summary>The lowest price the <paramref name="index"/>-th seller (0-based) accepts, wei per kWh.</summary>
    public static BigInteger Ask(int index) => ReferencePrice * SellerPercent[index % SellerPercent.Length] / 100;

    /// <summary>The highest price the <paramref name="index"/>-th buyer (0-based) pays, wei per kWh.</summary>
    public static BigInteger Bid(int index) => ReferencePrice * BuyerPercent[index % BuyerPercent.Length] / 100;
}
