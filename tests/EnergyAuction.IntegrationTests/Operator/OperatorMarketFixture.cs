namespace EnergyAuction.IntegrationTests.Operator;

/// <summary>
/// The set-up the daemon's integration tests share: one Hardhat node with the market deployed per test class (not per
/// test), stopped when the class is done.
/// </summary>
public abstract class OperatorMarketFixture
{
    protected OperatorMarket Market { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartMarket() => Market = await OperatorMarket.StartAsync();

    [OneTimeTearDown]
    public async Task StopMarket()
    {
        if (Market is not null) await Market.DisposeAsync();
    }
}
