namespace EnergyAuction.Market.Feeder;

/// <summary>A consumer connection point (LOAD1..LOAD55 on the IEEE feeder) and its bus.</summary>
public sealed record FeederLoad(string Name, string Bus);
