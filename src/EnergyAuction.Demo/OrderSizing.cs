namespace EnergyAuction.Demo;

/// <summary>How much a household trades, from its meter data: a seller offers what its battery holds (less a margin,
/// because the battery keeps running while the oracle checks), a buyer bids its expected consumption over the
/// transfer interval. In whole 100 Wh, as a person would type them.</summary>
public static class OrderSizing
{
    private const long Step = 100;

    /// <summary>Wh to offer from a battery holding <paramref name="batteryWh"/>; 0 means the household sits this window out.</summary>
    public static long Offer(long batteryWh) => batteryWh * 9 / 10 / Step * Step;

    /// <summary>Wh to bid for an expected import of <paramref name="expectedWh"/>: rounded to the nearest 100 Wh, at least 100 Wh.</summary>
    public static long Bid(long expectedWh) => Math.Max(Step, (expectedWh + Step / 2) / Step * Step);
}
