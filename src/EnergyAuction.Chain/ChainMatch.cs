namespace EnergyAuction.Chain;

/// <summary>IEnergyTrade.Match: one pairing of an offer and a bid in a posted clearing.</summary>
public sealed record ChainMatch(ulong OfferId, ulong BidId, ulong EnergyWh, uint DistanceM);
