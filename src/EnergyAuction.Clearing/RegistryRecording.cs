using EnergyAuction.Chain.Services;

namespace EnergyAuction.Clearing;

/// <summary>How a recording of the feeder registry went: pairs sent, pairs already on chain with the same figure, and
/// the transactions it took.</summary>
public sealed record RegistryRecordingResult(int Recorded, int AlreadyRecorded, int Transactions);

/// <summary>Records <see cref="RegistryDistances"/> with the registrar's key, skipping every pair the registry already
/// holds with the same figure (read first in JSON-RPC batches), so a second run sends nothing and a changed figure is
/// corrected.</summary>
public static class RegistryRecording
{
    /// <summary>New pairs per recordDistances transaction by default (<see cref="DataAccessService.RecordDistancesAsync"/>).</summary>
    public const int DefaultPairsPerTransaction = 200;

    /// <param name="registrar">DataAccess with the registrar's key.</param>
    /// <param name="afterTransaction">Called after each transaction with the pairs recorded so far and the pairs to record.</param>
    public static async Task<RegistryRecordingResult> RecordAsync(DataAccessService registrar, RegistryDistances distances,
        int pairsPerTransaction = DefaultPairsPerTransaction, Action<int, int>? afterTransaction = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentOutOfRangeException.ThrowIfLessThan(pairsPerTransaction, 1);
        var onChain = await registrar.DistancesBetweenAsync([.. distances.Pairs.Select(p => (p.BusA, p.BusB))], ct).ConfigureAwait(false);
        var missing = distances.Pairs.Where((p, i) => onChain[i] != p.Metres).ToList();
        var sent = 0;
        var transactions = 0;
        foreach (var batch in missing.Chunk(pairsPerTransaction))
        {
            await registrar.RecordDistancesAsync(batch, pairsPerTransaction, ct).ConfigureAwait(false);
            sent += batch.Length;
            transactions++;
            afterTransaction?.Invoke(sent, missing.Count);
        }
        return new RegistryRecordingResult(missing.Count, distances.Pairs.Count - missing.Count, transactions);
    }
}
