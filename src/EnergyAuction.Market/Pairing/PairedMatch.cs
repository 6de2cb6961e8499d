namespace EnergyAuction.Market.Pairing;

/// <summary>One delivery: <paramref name="EnergyWh"/> from an offer to a bid over <paramref name="DistanceM"/> metres of feeder.</summary>
public sealed record PairedMatch(string OfferId, string BidId, long EnergyWh, long DistanceM);
