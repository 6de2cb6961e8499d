namespace EnergyAuction.Market.Settlement;

/// <summary>Settlement inputs the contract would reject (e.g. FeeAbovePrice) or that do not fit together.</summary>
public sealed class SettlementException(string message) : Exception(message);
