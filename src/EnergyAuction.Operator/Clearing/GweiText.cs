using System.Globalization;
using System.Numerics;

namespace EnergyAuction.Operator.Clearing;

/// <summary>Prices for people: wei per kWh shown as gwei per kWh with thousands separators ("54,000 gwei/kWh").</summary>
public static class GweiText
{
    private static readonly BigInteger WeiPerGwei = 1_000_000_000;

    /// <summary>Whole gwei when exact, else the wei.</summary>
    public static string PerKwh(BigInteger weiPerKwh) =>
        weiPerKwh % WeiPerGwei == 0
            ? (weiPerKwh / WeiPerGwei).ToString("N0", CultureInfo.InvariantCulture) + " gwei/kWh"
            : weiPerKwh.ToString("N0", CultureInfo.InvariantCulture) + " wei/kWh";
}
