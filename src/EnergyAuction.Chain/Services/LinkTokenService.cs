using System.Numerics;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Transactions;
using LT = EnergyAuction.Chain.Generated.LinkToken.ContractDefinition;

namespace EnergyAuction.Chain.Services;

/// <summary>Typed access to the LINK token that pays for oracle requests (amounts in juels, 10^-18 LINK).</summary>
public sealed class LinkTokenService(ChainRpcClient rpc, string address, TransactionSender? transactions = null)
    : ContractService(rpc, ChainAbis.LinkToken, address, transactions)
{
    public Task<BigInteger> BalanceOfAsync(string account, CancellationToken ct = default) =>
        CallAsync<LT.BalanceOfFunction, BigInteger>(new() { Account = account }, ct);

    public Task<TransactionReceipt> TransferAsync(string to, BigInteger amount, CancellationToken ct = default) =>
        SendAsync(new LT.TransferFunction { To = to, Amount = amount }, ct);

    /// <summary>Mints to an account (holders of the mint role only, e.g. the deployer on a test chain).</summary>
    public Task<TransactionReceipt> MintAsync(string account, BigInteger amount, CancellationToken ct = default) =>
        SendAsync(new LT.MintFunction { Account = account, Amount = amount }, ct);

    /// <summary>Lets an account mint (the token's owner only).</summary>
    public Task<TransactionReceipt> GrantMintRoleAsync(string minter, CancellationToken ct = default) =>
        SendAsync(new LT.GrantMintRoleFunction { Minter = minter }, ct);

    public Task<BigInteger> TotalSupplyAsync(CancellationToken ct = default) => CallAsync<LT.TotalSupplyFunction, BigInteger>(new(), ct);
}
