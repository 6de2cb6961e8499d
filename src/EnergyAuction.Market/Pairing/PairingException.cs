namespace EnergyAuction.Market.Pairing;

/// <summary>Pairing inputs that do not fit together (a winner with no order or no participant).</summary>
public sealed class PairingException(string message) : Exception(message);
