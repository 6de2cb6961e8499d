namespace EnergyAuction.Operator.Chain;

/// <summary>
/// Which market a persisted state belongs to: the chain (id and genesis block hash, so a reset node with the same id
/// is told apart) and the deployment (the EnergyTrade contract's address).
/// </summary>
/// <param name="ChainId">The chain id.</param>
/// <param name="GenesisHash">Hash of block 0.</param>
/// <param name="Deployment">Address of the EnergyTrade contract.</param>
public sealed record ChainIdentity(ulong ChainId, string GenesisHash, string Deployment)
{
    /// <summary>Reads the identity of the chain and deployment <paramref name="chain"/> is connected to.</summary>
    public static async Task<ChainIdentity> ReadAsync(OperatorChain chain, CancellationToken ct)
    {
        var chainId = (ulong)await chain.Market.Rpc.ChainIdAsync(ct);
        var genesis = await chain.Market.Rpc.GetBlockAsync(0, ct)
            ?? throw new InvalidOperationException("the chain has no block 0");
        return new ChainIdentity(chainId, genesis.Hash.ToLowerInvariant(), chain.Deployment.EnergyTrade.ToLowerInvariant());
    }

    /// <summary>"chain 31337 (genesis 0x…) / deployment 0x…", as the log names it.</summary>
    public override string ToString() => $"chain {ChainId} (genesis {GenesisHash}) / deployment {Deployment}";
}
