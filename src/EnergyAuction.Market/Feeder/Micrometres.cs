using System.Globalization;

namespace EnergyAuction.Market.Feeder;

/// <summary>Exact decimal metres to integer micrometres and back to whole metres.</summary>
public static class Micrometres
{
    public const long PerMetre = 1_000_000;

    /// <summary>Parses "0.094021" (metres) exactly; more than 6 decimals is rejected rather than rounded.</summary>
    public static bool TryParseMetres(string text, out long micrometres)
    {
        micrometres = 0;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var metres))
            return false;
        var scaled = metres * PerMetre;
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue)
            return false;
        micrometres = (long)scaled;
        return true;
    }

    /// <summary>Whole metres, rounded half up: the distance unit of pairing and settlement.</summary>
    public static long ToMetres(long micrometres) => (micrometres + PerMetre / 2) / PerMetre;
}
