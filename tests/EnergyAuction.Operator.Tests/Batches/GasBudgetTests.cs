using System.Numerics;
using EnergyAuction.Operator.Batches;

namespace EnergyAuction.Operator.Tests.Batches;

public class GasBudgetTests
{
    [TestCase(8_000_000, 30_000_000, 8_000_000)]
    [TestCase(8_000_000, 5_000_000, 5_000_000)]
    [TestCase(30_000_000, 60_000_000, 16_777_216)]
    public void The_budget_is_never_above_the_block_gas_limit_nor_the_transaction_gas_cap(long configured, long blockGasLimit, long expected) =>
        Assert.That(GasBudget.Of(configured, blockGasLimit), Is.EqualTo(new BigInteger(expected)));
}
