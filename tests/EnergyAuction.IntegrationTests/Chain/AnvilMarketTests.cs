using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Deployment;
using EnergyAuction.Devnet;

namespace EnergyAuction.IntegrationTests.Chain;

/// <summary>The market on a second, independent node: anvil set up like the consortium's Besu chain (a block every 2 s,
/// zero base fee and gas price, chain id 1337). Nothing uses an unlocked account: Chain's deployer deploys the market
/// from the Hardhat artifacts and every transaction is signed locally, as `energy deploy --from` and the daemon do.</summary>
[NonParallelizable]
public sealed class AnvilMarketTests
{
    private static readonly BigInteger Gwei = 1_000_000_000;

    private AnvilNode _node = null!;
    private MarketClient _admin = null!;
    private MarketParties _parties = null!;

    [OneTimeSetUp]
    public async Task StartMarket()
    {
        _node = await AnvilNode.StartAsync();
        var deployer = _node.NewTransactionSender(_node.Accounts[0]);
        _parties = MarketParties.Of(_node);
        var deployment = await MarketDeployer.DeployAsync(deployer, "anvil", new MarketDeploymentOptions
        {
            RegistrarAddress = HardhatAccounts.Registrar.Address, FeeRecipientAddress = _parties.Dso.Address,
        });
        _admin = new MarketClient(_node.Rpc, deployment, _node.Accounts[0]);
        await _parties.RegisterMetersAsync(_admin);
    }

    [OneTimeTearDown]
    public async Task StopNode()
    {
        _admin?.Dispose();
        if (_node is not null) await _node.DisposeAsync();
    }

    [Test]
    public async Task A_validated_window_runs_from_opening_to_withdrawal_with_the_money_conserved()
    {
        var withdrawal = await ValidatedWindowRun.RunAsync(_node, _admin, _parties);
        Assert.That(withdrawal.EffectiveGasPrice, Is.EqualTo(BigInteger.Zero), "a zero-fee chain charges no gas");
    }

    [Test]
    public async Task The_market_is_deployed_on_anvil_s_chain_where_gas_is_free()
    {
        Assert.That(_admin.Deployment.ChainId, Is.EqualTo((ulong)AnvilNode.ChainId));
        var block = await _node.Rpc.GetBlockAsync("latest");
        Assert.That(block!.BaseFeePerGas ?? BigInteger.Zero, Is.EqualTo(BigInteger.Zero));
        Assert.That(await _node.Rpc.GasPriceAsync(), Is.EqualTo(BigInteger.Zero));
    }

    [Test]
    public async Task Cast_reads_back_the_window_order_and_balances_Chain_wrote()
    {
        var buyer = _admin.As(_parties.Buyer2).Trade;
        var (windowId, _) = await _admin.Trade.OpenWindowAsync(WindowParams.ForTests());
        var (bidId, _) = await buyer.SubmitBidAsync(windowId, "B-2", 2_500, 130 * Gwei);
        var rpc = _node.RpcUrl;
        var trade = _admin.Deployment.EnergyTrade;

        var window = await buyer.GetWindowAsync(windowId);
        var castWindow = await Cast.CallAsync(rpc, trade, WindowSignature, windowId.ToString());
        string Window(int field) => Cast.Text(castWindow[field]);
        string Param(int field) => Cast.Text(castWindow[0][field]);
        Assert.Multiple(() =>
        {
            Assert.That(Param(0), Is.EqualTo(window.Params.BiddingDuration.ToString()), "bidding duration");
            Assert.That(Param(6), Is.EqualTo(window.Params.ReferencePrice.ToString()), "reference price");
            Assert.That(Param(10), Is.EqualTo(((int)window.Params.Mechanism).ToString()), "mechanism");
            Assert.That(Window(1), Is.EqualTo(((int)window.Phase).ToString()), "phase");
            Assert.That(Window(2), Is.EqualTo(window.BiddingDeadline.ToString()), "bidding deadline");
            Assert.That(Window(6), Is.EqualTo(window.OrderCount.ToString()), "order count");
        });

        var order = await buyer.GetOrderAsync(bidId);
        var castOrder = await Cast.CallAsync(rpc, trade, OrderSignature, bidId.ToString());
        string Order(int field) => Cast.Text(castOrder[field]);
        Assert.Multiple(() =>
        {
            Assert.That(Order(0), Is.EqualTo(order.WindowId.ToString()), "window");
            Assert.That(Order(1), Is.EqualTo(order.Owner).IgnoreCase, "owner");
            Assert.That(Order(3), Is.EqualTo(((int)order.Side).ToString()), "side");
            Assert.That(Order(4), Is.EqualTo(order.EnergyWh.ToString()), "energy");
            Assert.That(Order(5), Is.EqualTo(order.Price.ToString()), "price");
            Assert.That(Order(8), Is.EqualTo(order.Deposit.ToString()), "deposit");
            Assert.That(Order(9), Is.EqualTo(order.MaxDistanceM.ToString()), "distance preference");
        });

        foreach (var address in new[] { _parties.Buyer2.Address, trade })
            Assert.That(await Cast.BalanceAsync(rpc, address), Is.EqualTo((await _node.Rpc.GetBalanceAsync(address)).ToString()), address);
    }

    private const string WindowSignature =
        "window(uint256)(((uint32,uint32,uint32,uint32,uint32,uint64,uint128,uint128,uint32,uint128,uint8,bool,uint96),uint8,uint64,uint64,uint64,uint64,uint256,uint256,uint256,uint256,bytes32,uint256))";

    private const string OrderSignature = "order(uint256)((uint256,address,bytes32,uint8,uint64,uint256,uint8,uint64,uint256,uint32))";
}
