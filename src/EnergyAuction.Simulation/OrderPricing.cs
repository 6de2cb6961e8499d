using System.Numerics;

namespace EnergyAuction.Simulation;

/// <summary>
/// Order prices by <see cref="PriceStrategy"/>, always in [feed-in, retail] (a household never pays more than the grid
/// asks nor sells for less than the grid pays). Random prices are drawn on a grid of 1/1000 of that range.
/// </summary>
public sealed class OrderPricing
{
    private const int Steps = 1000;
    private readonly ScenarioOptions _options;
    private readonly Random _random;
    private readonly BigInteger[] _reservation;
    private readonly Aggressiveness _aggressiveness;

    /// <param name="options">Tariffs and strategy.</param>
    /// <param name="households">Number of households.</param>
    /// <param name="random">The run's price stream (seeded).</param>
    public OrderPricing(ScenarioOptions options, int households, Random random)
    {
        _options = options;
        _random = random;
        _reservation = [.. Enumerable.Range(0, households).Select(_ => Draw())];
        _aggressiveness = new Aggressiveness(households);
    }

    /// <summary>The price of household <paramref name="household"/>'s offer (<paramref name="sells"/>) or bid this window.</summary>
    public BigInteger Price(int household, bool sells) => _options.Strategy switch
    {
        PriceStrategy.Truthful => _reservation[household],
        PriceStrategy.Zi => Draw(),
        _ => sells
            ? _options.RetailWeiPerKwh - Spread * _aggressiveness.Level(household) / Aggressiveness.MaxLevel
            : _options.FeedInWeiPerKwh + Spread * _aggressiveness.Level(household) / Aggressiveness.MaxLevel,
    };

    /// <summary>Tells the adaptive strategy whether the household's order traded.</summary>
    public void Learn(int household, bool traded) => _aggressiveness.Learn(household, traded);

    private BigInteger Spread => _options.RetailWeiPerKwh - _options.FeedInWeiPerKwh;

    private BigInteger Draw() => _options.FeedInWeiPerKwh + Spread * _random.Next(Steps + 1) / Steps;
}
