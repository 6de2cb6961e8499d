using System.Numerics;
using EnergyAuction.Market.Pairing;

namespace EnergyAuction.Market.Tests.Pairing;

/// <summary>The pairing compares each pair's distance with one reach per price instead of multiplying C_d * d per pair;
/// the reach must admit exactly the distances MARKET.md's C_d * d &lt;= 2000 * p0 admits.</summary>
public class FeeReachTests
{
    private static readonly BigInteger Gwei = 1_000_000_000;

    [Test]
    public void AFeeReachAdmitsExactlyTheDistancesWhoseFeeHalfFitsThePrice()
    {
        BigInteger[] charges = [1, 7, 2_000, Gwei, 3 * Gwei + 1, 10_000 * Gwei];
        BigInteger[] prices = [0, 1, 149, 150, 142 * Gwei, 142 * Gwei + 999, 10_000_000 * Gwei];
        foreach (var charge in charges)
        {
            foreach (var price in prices)
            {
                var reach = FeasiblePair.FeeReachM(charge, price);
                // Around the reach, where the two could part, and a spread of ordinary distances.
                var around = new[] { reach - 1, reach, reach + 1 }.Where(d => d >= 0 && d < long.MaxValue);
                foreach (var d in around.Concat([0, 1, 25, 318, 999, 5_000, 1_000_000]))
                    Assert.That(d <= reach, Is.EqualTo(charge * d <= 2000 * price), $"C_d = {charge}, p0 = {price}, d = {d} m (reach {reach} m)");
            }
        }
    }

    [Test]
    public void WithoutAGridChargeEveryDistanceFitsAndBelowAZeroPriceNoneDoes()
    {
        Assert.That(FeasiblePair.FeeReachM(0, 150 * Gwei), Is.EqualTo(long.MaxValue));
        Assert.That(FeasiblePair.FeeReachM(0, 0), Is.EqualTo(long.MaxValue), "0 * d <= 0 for every d");
        Assert.That(FeasiblePair.FeeReachM(Gwei, -1), Is.EqualTo(-1), "not even d = 0 fits a negative price");
        Assert.That(FeasiblePair.FeeReachM(1, BigInteger.Pow(10, 30)), Is.EqualTo(long.MaxValue), "a reach beyond long is every distance");
        Assert.Throws<ArgumentOutOfRangeException>(() => FeasiblePair.FeeReachM(-1, 150 * Gwei));
    }
}
