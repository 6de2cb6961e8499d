namespace EnergyAuction.Market.Clearing;

/// <summary>Energy (Wh) a winning order trades.</summary>
public readonly record struct Allocation(string Id, long EnergyWh);
