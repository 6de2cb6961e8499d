namespace EnergyAuction.Chain.Transactions;

/// <summary>One transaction of a pipelined batch: its hash, and the node's error if it refused it.</summary>
public sealed record SubmittedTransaction(string Hash, Exception? Error);
