namespace EnergyAuction.Market.Settlement.BothSides;

/// <summary>An offer of the window to settle: its energy E_s (Wh) and its allocation E'(s) from clearing (0 when it did not win).</summary>
public sealed record SettlementOffer(string Id, long EnergyWh, long AllocationWh);
