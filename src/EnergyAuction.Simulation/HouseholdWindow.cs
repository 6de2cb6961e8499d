namespace EnergyAuction.Simulation;

/// <summary>
/// One household's window after its battery acted: the battery follows the plan made from the forecast (charge the
/// forecast surplus, discharge into the forecast need, within capacity and charge), the order is what the forecast
/// leaves over, and the meter then shows the actual export or import around the planned battery flow.
/// </summary>
public readonly record struct HouseholdWindow(long OfferWh, long BidWh, long ExportWh, long ImportWh)
{
    /// <summary>Plans and carries out the window; <paramref name="chargeWh"/> is updated to the battery's new charge.</summary>
    public static HouseholdWindow Run(long loadWh, long pvWh, long loadForecastWh, long pvForecastWh, long capacityWh, ref long chargeWh)
    {
        var forecastNet = pvForecastWh - loadForecastWh;
        var charge = forecastNet > 0 ? Math.Min(forecastNet, capacityWh - chargeWh) : 0;
        var discharge = forecastNet < 0 ? Math.Min(-forecastNet, chargeWh) : 0;
        chargeWh += charge - discharge;
        var planned = forecastNet - charge + discharge;
        var actual = pvWh - loadWh - charge + discharge;
        return new HouseholdWindow(Math.Max(planned, 0), Math.Max(-planned, 0), Math.Max(actual, 0), Math.Max(-actual, 0));
    }
}
