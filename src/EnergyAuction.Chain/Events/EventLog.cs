namespace EnergyAuction.Chain.Events;

/// <summary>A typed event and where it was logged (block, transaction, position), for checkpoints and de-duplication.</summary>
public sealed record EventLog<T>(T Event, ulong BlockNumber, string TransactionHash, int LogIndex);
