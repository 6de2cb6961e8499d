using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Transactions;
using Nethereum.Contracts;
using DA = EnergyAuction.Chain.Generated.DataAccess.ContractDefinition;

namespace EnergyAuction.Chain.Services;

/// <summary>Typed access to DataAccess (IDataAccess): the meter registry, the feeder distances the DSO records, and
/// read-access grants. Meter ids are
/// given as text and packed with <see cref="MeterId"/>.</summary>
public sealed class DataAccessService(ChainRpcClient rpc, string address, TransactionSender? transactions = null)
    : ContractService(rpc, ChainAbis.DataAccess, address, transactions)
{
    /// <summary>keccak256("REGISTRAR_ROLE"): the DSO, which registers and re-assigns meters.</summary>
    public static byte[] RegistrarRole { get; } = Keccak256.Hash("REGISTRAR_ROLE");

    /// <summary>Registers a meter with its owner and feeder bus (registrar only; an owner holding a role of the
    /// market or the registry is refused).</summary>
    public Task<TransactionReceipt> RegisterMeterAsync(string meterId, string owner, uint bus, CancellationToken ct = default) =>
        SendAsync(Register(meterId, owner, bus, null), ct);

    /// <summary>A registerMeter transaction with a fixed gas limit, for pipelined submission (load runs).</summary>
    public TransactionInput RegisterMeterInput(string meterId, string owner, uint bus, System.Numerics.BigInteger gas) =>
        Input(Register(meterId, owner, bus, gas));

    /// <summary>Gives an idle meter (no open order) a new owner, e.g. after a mistyped registration (registrar only).
    /// The old owner's grants lapse; the new owner grants access again.</summary>
    public Task<TransactionReceipt> ReassignMeterAsync(string meterId, string newOwner, CancellationToken ct = default) =>
        SendAsync(new DA.ReassignMeterFunction { MeterId = MeterId.ToBytes32(meterId), NewOwner = newOwner }, ct);

    /// <summary>Names the market asked whether a meter is idle before a re-assignment (admin only).</summary>
    public Task<TransactionReceipt> SetMarketAsync(string market, CancellationToken ct = default) =>
        SendAsync(new DA.SetMarketFunction { Market = market }, ct);

    /// <summary>Lets requester (e.g. EnergyTrade) read the sender's meter (meter owner only).</summary>
    public Task<TransactionReceipt> GrantAccessAsync(string meterId, string requester, CancellationToken ct = default) =>
        SendAsync(new DA.GrantAccessFunction { MeterId = MeterId.ToBytes32(meterId), Requester = requester }, ct);

    public Task<TransactionReceipt> RevokeAccessAsync(string meterId, string requester, CancellationToken ct = default) =>
        SendAsync(new DA.RevokeAccessFunction { MeterId = MeterId.ToBytes32(meterId), Requester = requester }, ct);

    /// <summary>Records bus-to-bus feeder distances in metres (registrar only), one transaction per
    /// <paramref name="pairsPerTransaction"/> pairs (about 27,000 gas per new pair, so 200 fit a block of 10M gas with
    /// room to spare); returns the receipts in order.</summary>
    public async Task<IReadOnlyList<TransactionReceipt>> RecordDistancesAsync(IReadOnlyList<(uint BusA, uint BusB, uint Metres)> distances,
        int pairsPerTransaction = 200, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentOutOfRangeException.ThrowIfLessThan(pairsPerTransaction, 1);
        var receipts = new List<TransactionReceipt>();
        foreach (var batch in distances.Chunk(pairsPerTransaction))
            receipts.Add(await SendAsync(new DA.RecordDistancesFunction
            {
                Distances = [.. batch.Select(d => new DA.BusDistance { BusA = d.BusA, BusB = d.BusB, Metres = d.Metres })],
            }, ct).ConfigureAwait(false));
        return receipts;
    }

    /// <summary>The recorded feeder distance between two buses in metres (0 for one bus), or null when none is recorded.</summary>
    public async Task<ulong?> DistanceBetweenAsync(uint busA, uint busB, CancellationToken ct = default)
    {
        var answer = await CallDtoAsync<DA.DistanceBetweenFunction, DA.DistanceBetweenOutputDTO>(new() { BusA = busA, BusB = busB }, ct).ConfigureAwait(false);
        return answer.Recorded ? (ulong)answer.Metres : null;
    }

    /// <summary><see cref="DistanceBetweenAsync"/> of many pairs in JSON-RPC batches (a whole feeder's pairs in a few
    /// round trips), answers in the order of the pairs.</summary>
    public Task<IReadOnlyList<ulong?>> DistancesBetweenAsync(IReadOnlyList<(uint BusA, uint BusB)> pairs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var decoder = new FunctionBuilder<DA.DistanceBetweenFunction>(Address);
        return BatchCallAsync([.. pairs.Select(p => new DA.DistanceBetweenFunction { BusA = p.BusA, BusB = p.BusB })], hex =>
        {
            var answer = decoder.DecodeDTOTypeOutput<DA.DistanceBetweenOutputDTO>(hex);
            return answer.Recorded ? (ulong?)(ulong)answer.Metres : null;
        }, ct);
    }

    public Task<TransactionReceipt> GrantRoleAsync(byte[] role, string account, CancellationToken ct = default) =>
        SendAsync(new DA.GrantRoleFunction { Role = role, Account = account }, ct);

    public Task<TransactionReceipt> RevokeRoleAsync(byte[] role, string account, CancellationToken ct = default) =>
        SendAsync(new DA.RevokeRoleFunction { Role = role, Account = account }, ct);

    public Task<bool> HasAccessAsync(string meterId, string requester, CancellationToken ct = default) =>
        CallAsync<DA.HasAccessFunction, bool>(new() { MeterId = MeterId.ToBytes32(meterId), Requester = requester }, ct);

    public async Task<MeterInfo> MeterOfAsync(string meterId, CancellationToken ct = default)
    {
        return ToInfo(await CallDtoAsync<DA.MeterOfFunction, DA.MeterOfOutputDTO>(new() { MeterId = MeterId.ToBytes32(meterId) }, ct).ConfigureAwait(false));
    }

    private static MeterInfo ToInfo(DA.MeterOfOutputDTO meter) => new(ChainAddress.ToChecksum(meter.Owner), meter.Bus);

    public async Task<(string Owner, bool Access)> OwnerAndAccessAsync(string meterId, string requester, CancellationToken ct = default)
    {
        var answer = await CallDtoAsync<DA.OwnerAndAccessFunction, DA.OwnerAndAccessOutputDTO>(
            new() { MeterId = MeterId.ToBytes32(meterId), Requester = requester }, ct).ConfigureAwait(false);
        return (ChainAddress.ToChecksum(answer.Owner), answer.Access);
    }

    public Task<bool> HasRoleAsync(byte[] role, string account, CancellationToken ct = default) =>
        CallAsync<DA.HasRoleFunction, bool>(new() { Role = role, Account = account }, ct);

    private static DA.RegisterMeterFunction Register(string meterId, string owner, uint bus, System.Numerics.BigInteger? gas) =>
        new() { MeterId = MeterId.ToBytes32(meterId), Owner = owner, Bus = bus, Gas = gas };
}
