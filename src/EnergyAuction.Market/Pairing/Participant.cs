namespace EnergyAuction.Market.Pairing;

/// <summary>
/// Who stands behind an order: its meter's feeder bus, the meter's owner (one owner is never matched with itself)
/// and the order's distance preference D in metres (0 &lt; D &lt;= L; null takes L).
/// </summary>
public sealed record Participant(string Bus, string Owner, long? DistancePreferenceM = null);
