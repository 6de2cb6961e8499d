namespace EnergyAuction.Market.Pairing;

/// <summary>Where an order's owner sits on the feeder and how far it prefers to trade (D, metres).</summary>
public sealed record Participant(string Bus, long DistancePreferenceM);
