using System.Numerics;

namespace EnergyAuction.Operator.Batches;

/// <summary>
/// How many items (matches, orders, bids) the next batch transaction of one kind carries, learnt from the gas of the
/// batches before it: a batch that fitted the budget scales the next one to what the budget holds at its gas per item,
/// one whose estimate overshot shrinks in proportion, one the node could not even estimate (above the block gas limit)
/// halves. Scaling by gas per item counts the transaction's fixed part once per item, so it errs small; the estimate of
/// each candidate batch is the check. Never more than <paramref name="maxItems"/>, never fewer than one.
/// </summary>
public sealed class BatchSizer(int maxItems, int firstSize = BatchSizer.FirstSize)
{
    /// <summary>The first candidate of a kind: small enough to estimate on any chain, large enough to learn from.</summary>
    public const int FirstSize = 16;

    private int _size = Math.Clamp(firstSize, 1, Math.Max(1, maxItems));

    /// <summary>The size the next batch is tried at.</summary>
    public int Size => _size;

    /// <summary>A batch of <paramref name="count"/> items was sent with about <paramref name="gas"/> gas as its limit.</summary>
    public void Fitted(int count, BigInteger gas, BigInteger budget) => _size = Clamp(Scale(count, budget, gas));

    /// <summary>The estimate of a batch of <paramref name="count"/> items came to <paramref name="gas"/>, above <paramref name="budget"/>.</summary>
    public void Overshot(int count, BigInteger gas, BigInteger budget) => _size = Clamp(Math.Min(count - 1, Scale(count, budget, gas)));

    /// <summary>The node could not estimate a batch of <paramref name="count"/> items: it needs more gas than a block has.</summary>
    public void Unestimable(int count) => _size = Clamp(count / 2);

    private static int Scale(int count, BigInteger budget, BigInteger gas) =>
        gas <= 0 ? count : (int)BigInteger.Min(int.MaxValue, count * budget / gas);

    private int Clamp(int size) => Math.Clamp(size, 1, Math.Max(1, maxItems));
}
