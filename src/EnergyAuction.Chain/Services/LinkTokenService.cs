using System.Numerics;
using EnergyAuction.Ethereum.Rpc;
using EnergyAuction.Ethereum.Transactions;

namespace EnergyAuction.Chain.Services;

/// <summary>Typed access to the LINK token that pays for oracle requests (amounts in juels, 10^-18 LINK).</summary>
public sealed class LinkTokenService(EthRpcClient rpc, string address, TransactionManager? transactions = null)
    : ContractService(rpc, ChainAbis.LinkToken, address, transactions)
{
    public Task<BigInteger> BalanceOfAsync(string account) => CallAsync<BigInteger>("balanceOf", account);

    public Task<TransactionReceipt> TransferAsync(string to, BigInteger amount) => SendAsync("transfer", to, amount);

    /// <summary>Mints to an account (holders of the mint role only, e.g. the deployer on a test chain).</summary>
    public Task<TransactionReceipt> MintAsync(string account, BigInteger amount) => SendAsync("mint", account, amount);

    public Task<BigInteger> TotalSupplyAsync() => CallAsync<BigInteger>("totalSupply");
}
