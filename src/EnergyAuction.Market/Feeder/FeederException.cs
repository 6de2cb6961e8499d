namespace EnergyAuction.Market.Feeder;

/// <summary>A feeder file that cannot be read, or a graph that is not a radial feeder.</summary>
public sealed class FeederException(string message) : Exception(message);
