namespace EnergyAuction.Market.Feeder;

/// <summary>One line of the feeder between two buses; length in micrometres (the data gives up to 6 decimals of a metre).</summary>
public sealed record FeederLine(string Name, string Bus1, string Bus2, long LengthMicrometres);
