using EnergyAuction.Operator.Chain;
using EnergyAuction.Operator.Options;

namespace EnergyAuction.Operator.Oracle;

/// <summary>
/// Opens the oracle checkpoint once, on the oracle job's first round (when the chain answers): keyed by the chain's
/// <see cref="ChainIdentity"/>, so a checkpoint of another chain or deployment is set aside, logged once, and the job
/// starts from the deployment block.
/// </summary>
public sealed partial class OracleCheckpoints(OperatorChain chain, OperatorOptions options, ILogger<OracleCheckpoints> logger)
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private OracleCheckpointStore? _store;

    /// <summary>The checkpoint of this chain and deployment.</summary>
    public async Task<OracleCheckpointStore> OpenAsync(CancellationToken ct)
    {
        if (_store is { } open) return open;
        await _opening.WaitAsync(ct);
        try
        {
            if (_store is not null) return _store;
            var owner = await ChainIdentity.ReadAsync(chain, ct);
            var store = new OracleCheckpointStore(options.CheckpointFile, (long)chain.Deployment.Block, owner);
            if (store.SetAside)
                LogSetAside(Path.GetFullPath(options.CheckpointFile), store.SetAsideOwner?.ToString() ?? "an unnamed chain / deployment",
                    owner.ToString(), chain.Deployment.Block);
            return _store = store;
        }
        finally
        {
            _opening.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "oracle checkpoint {Path} belongs to {Stored}, not {Current}; starting from the deployment block {Block}")]
    private partial void LogSetAside(string path, string stored, string current, ulong block);
}
