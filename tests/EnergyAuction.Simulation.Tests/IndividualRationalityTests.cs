using EnergyAuction.Market;

namespace EnergyAuction.Simulation.Tests;

public class IndividualRationalityTests
{
    [TestCase(PriceStrategy.Truthful)]
    [TestCase(PriceStrategy.Zi)]
    [TestCase(PriceStrategy.Aggressive)]
    public void No_buyer_pays_more_than_its_bid_and_no_seller_earns_less_than_its_offer(PriceStrategy strategy)
    {
        var options = Runs.Small(strategy);
        foreach (var result in Runs.AllKept(options))
        {
            foreach (var window in result.Books)
            {
                var offers = window.Book.Offers.ToDictionary(o => o.Id);
                var bids = window.Book.Bids.ToDictionary(b => b.Id);
                foreach (var m in window.Settled.Matches)
                {
                    var where = $"{result.Market.Name} window {window.Window} {m.OfferId}->{m.BidId}";
                    Assert.That(m.Payment, Is.LessThanOrEqualTo(Money.Cost(m.TradedWh, bids[m.BidId].Price)), where);
                    Assert.That(m.Payment, Is.GreaterThanOrEqualTo(Money.Cost(m.TradedWh, offers[m.OfferId].Price)), where);
                }
            }
        }
    }

    [TestCase(PriceStrategy.Truthful)]
    [TestCase(PriceStrategy.Zi)]
    [TestCase(PriceStrategy.Aggressive)]
    public void Every_order_is_priced_between_the_feed_in_and_the_retail_tariff(PriceStrategy strategy)
    {
        var options = Runs.Small(strategy);
        var prices = Runs.AllKept(options).SelectMany(r => r.Books).SelectMany(w => w.Book.Offers.Concat(w.Book.Bids)).Select(o => o.Price).ToList();
        Assert.That(prices, Is.Not.Empty);
        Assert.That(prices, Is.All.InRange(options.FeedInWeiPerKwh, options.RetailWeiPerKwh));
    }
}
