using System.Numerics;

namespace EnergyAuction.Simulation;

/// <summary>
/// One simulated scenario. Energy in Wh, prices in wei per kWh, money in wei. Households 1..N are the IEEE feeder's
/// loads LOAD1..LOADN on their buses; <see cref="PvSharePercent"/> of them (seeded choice) have PV and a battery.
/// </summary>
public sealed record ScenarioOptions
{
    /// <summary>Wei in one gwei.</summary>
    public static readonly BigInteger Gwei = 1_000_000_000;

    /// <summary>Households 1..55 (the feeder has 55 loads).</summary>
    public int Households { get; init; } = 55;

    /// <summary>Percent of households with PV and a battery.</summary>
    public int PvSharePercent { get; init; } = 40;

    /// <summary>Days to simulate; day 1 is the feeder's own profiles, later days draw from profiles 56-100.</summary>
    public int Days { get; init; } = 1;

    /// <summary>Seed of every random draw (PV choice and size, battery start, forecasts, prices, submission order).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>First simulated day; PV follows the Ausgrid year (July 2011 to June 2012) by month and day.</summary>
    public DateOnly Start { get; init; } = new(2012, 1, 16);

    /// <summary>Length of a trading window in minutes (divides 1440).</summary>
    public int WindowMinutes { get; init; } = 15;

    /// <summary>Battery capacity of a PV household, Wh (0: no batteries).</summary>
    public long BatteryCapacityWh { get; init; } = 5_000;

    /// <summary>Highest start charge in percent of capacity; each battery starts at a seeded charge from 0 up to it.</summary>
    public int BatteryStartPercent { get; init; } = 50;

    /// <summary>Perfect or noisy forecasts.</summary>
    public ForecastKind Forecast { get; init; } = ForecastKind.Noisy;

    /// <summary>Largest forecast error of a noisy forecast, percent of the actual value.</summary>
    public int NoisePercent { get; init; } = 20;

    /// <summary>How orders are priced.</summary>
    public PriceStrategy Strategy { get; init; } = PriceStrategy.Truthful;

    /// <summary>Retail tariff, wei per kWh (the EnergyAuction paper's reference price, 60,000 gwei/kWh).</summary>
    public BigInteger RetailWeiPerKwh { get; init; } = 60_000 * Gwei;

    /// <summary>Feed-in tariff, wei per kWh: the IOTA paper's ratio 3.2p / 18.9p of retail, rounded down.</summary>
    public BigInteger FeedInWeiPerKwh => RetailWeiPerKwh * 32 / 189;

    /// <summary>Grid charge C_d, wei per kWh per km (default: 10% of retail per km).</summary>
    public BigInteger GridChargeWeiPerKwhPerKm { get; init; } = 6_000 * Gwei;

    /// <summary>Maximum feeder distance L of a match, metres (the feeder's farthest two loads are about 590 m apart).</summary>
    public long MaxDistanceM { get; init; } = 600;

    /// <summary>Penalty π, wei per kWh not delivered or not taken (default: a quarter of retail).</summary>
    public BigInteger PenaltyWeiPerKwh { get; init; } = 15_000 * Gwei;

    /// <summary>Order fee f, wei per order.</summary>
    public BigInteger OrderFeeWei { get; init; } = BigInteger.Zero;

    /// <summary>Windows per day.</summary>
    public int WindowsPerDay => 1440 / WindowMinutes;

    /// <summary>Windows in the run.</summary>
    public int Windows => WindowsPerDay * Days;

    /// <summary>The first problem with these options, or null when they are usable.</summary>
    public string? Problem()
    {
        if (Households is < 1 or > 55)
            return $"--households must be 1..55 (the feeder's loads), got {Households}";
        if (PvSharePercent is < 0 or > 100)
            return $"--pv-share must be 0..1, got {PvSharePercent / 100.0}";
        if (Days is < 1 or > 366)
            return $"--days must be 1..366, got {Days}";
        if (WindowMinutes < 1 || 1440 % WindowMinutes != 0)
            return $"--window-minutes must divide 1440 (a day), got {WindowMinutes}";
        if (BatteryCapacityWh < 0)
            return $"--battery-wh must not be negative, got {BatteryCapacityWh}";
        if (BatteryStartPercent is < 0 or > 100)
            return $"--battery-start must be 0..1, got {BatteryStartPercent / 100.0}";
        if (NoisePercent is < 0 or > 100)
            return $"noise must be 0..100 percent, got {NoisePercent}";
        if (RetailWeiPerKwh < 189)
            return $"--retail must be at least 189 wei/kWh (feed-in is retail*32/189), got {RetailWeiPerKwh}";
        if (MaxDistanceM < 1)
            return $"maximum distance must be at least 1 m, got {MaxDistanceM}";
        return GridChargeWeiPerKwhPerKm.Sign < 0 || PenaltyWeiPerKwh.Sign < 0 || OrderFeeWei.Sign < 0
            ? "grid charge, penalty and order fee must not be negative"
            : null;
    }
}
