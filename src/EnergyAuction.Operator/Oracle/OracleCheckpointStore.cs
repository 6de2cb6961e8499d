using System.Text.Json;
using EnergyAuction.Operator.Chain;

namespace EnergyAuction.Operator.Oracle;

/// <summary>
/// What the oracle job has done, persisted so that a restarted daemon resumes where it stopped and
/// never fulfils a request twice: the last block whose OracleRequest logs were all handled, and the
/// ids of every request fulfilled. Each change is written to a temporary file and renamed over the
/// old one, so a crash leaves either the old or the new checkpoint, never half of one. The checkpoint names the
/// <see cref="ChainIdentity"/> it belongs to; one of another chain or deployment is set aside, not resumed.
/// </summary>
public sealed class OracleCheckpointStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly string _path;
    private readonly Lock _lock = new();
    private readonly HashSet<string> _fulfilled;
    private readonly ChainIdentity? _owner;
    private long _lastProcessedBlock;

    /// <summary>
    /// Opens the checkpoint at <paramref name="path"/>, or starts one at <paramref name="startBlock"/> - 1
    /// when there is no file or the file belongs to another chain or deployment than <paramref name="owner"/>
    /// (<see cref="SetAside"/>). A file that cannot be read is an error, not a fresh start:
    /// starting over could fulfil requests again.
    /// </summary>
    public OracleCheckpointStore(string path, long startBlock = 0, ChainIdentity? owner = null)
    {
        _path = Path.GetFullPath(path);
        _owner = owner;
        _fulfilled = new HashSet<string>(StringComparer.Ordinal);
        _lastProcessedBlock = startBlock - 1;
        if (!File.Exists(_path)) return;
        Checkpoint? stored;
        try
        {
            stored = JsonSerializer.Deserialize<Checkpoint>(File.ReadAllText(_path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"oracle checkpoint {_path} is corrupt ({e.Message}); fix or remove it deliberately", e);
        }
        if (stored?.FulfilledRequests is null)
            throw new InvalidDataException($"oracle checkpoint {_path} has no fulfilledRequests list");
        var storedOwner = stored.ChainId is { } chainId ? new ChainIdentity(chainId, stored.GenesisHash ?? "", stored.Deployment ?? "") : null;
        if (owner is not null && storedOwner != owner)
        {
            SetAside = true;
            SetAsideOwner = storedOwner;
            return;
        }
        _fulfilled.UnionWith(stored.FulfilledRequests.Select(RequestIds.Normalize));
        _lastProcessedBlock = stored.LastProcessedBlock;
    }

    /// <summary>
    /// True when the file on disk belonged to another chain or deployment: this store started fresh and overwrites
    /// the file on its first change.
    /// </summary>
    public bool SetAside { get; }

    /// <summary>Whose the set-aside checkpoint was; null when it named no owner (written before checkpoints were keyed).</summary>
    public ChainIdentity? SetAsideOwner { get; }

    /// <summary>The last block whose oracle requests were all handled (-1 before any).</summary>
    public long LastProcessedBlock { get { lock (_lock) return _lastProcessedBlock; } }

    /// <summary>The next block to scan for OracleRequest logs.</summary>
    public long NextBlock => LastProcessedBlock + 1;

    /// <summary>True if the request (bytes32 hex) was fulfilled already.</summary>
    public bool IsFulfilled(string requestId)
    {
        var id = RequestIds.Normalize(requestId);
        lock (_lock) return _fulfilled.Contains(id);
    }

    /// <summary>Records a fulfilment durably; returns false if it was already recorded.</summary>
    public bool MarkFulfilled(string requestId)
    {
        var id = RequestIds.Normalize(requestId);
        lock (_lock)
        {
            if (!_fulfilled.Add(id)) return false;
            Save();
            return true;
        }
    }

    /// <summary>Records that every request up to and including <paramref name="block"/> was handled; never moves back.</summary>
    public void MarkBlockProcessed(long block)
    {
        lock (_lock)
        {
            if (block <= _lastProcessedBlock) return;
            _lastProcessedBlock = block;
            Save();
        }
    }

    private void Save()
    {
        var json = JsonSerializer.Serialize(new Checkpoint(_lastProcessedBlock, [.. _fulfilled.Order(StringComparer.Ordinal)],
            _owner?.ChainId, _owner?.GenesisHash, _owner?.Deployment), Json);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = $"{_path}.{Environment.ProcessId}.tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(System.Text.Encoding.UTF8.GetBytes(json));
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, _path, overwrite: true);
    }

    private sealed record Checkpoint(long LastProcessedBlock, List<string>? FulfilledRequests, ulong? ChainId = null, string? GenesisHash = null, string? Deployment = null);
}
