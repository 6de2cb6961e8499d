namespace EnergyAuction.Market.Pairing;

/// <summary>
/// MARKET.md "Pairing": an order with no open order of the other side within L and of another owner is left out of
/// the book, before clearing and after every removal. Keeps, per order, how many such counterparts are still in the
/// book, so a removal only walks the other side once.
/// </summary>
internal sealed class ReachableBook
{
    private readonly Order[][] _orders;
    private readonly bool[][] _active;
    private readonly int[][] _reach;
    private readonly Func<int, int, bool> _withinReach;

    /// <param name="withinReach">(offer index, bid index) -&gt; within L and of different owners.</param>
    public ReachableBook(IReadOnlyList<Order> offers, IReadOnlyList<Order> bids, Func<int, int, bool> withinReach)
    {
        _orders = [[.. offers], [.. bids]];
        _active = [Enumerable.Repeat(true, offers.Count).ToArray(), Enumerable.Repeat(true, bids.Count).ToArray()];
        _reach = [new int[offers.Count], new int[bids.Count]];
        _withinReach = withinReach;
        for (var s = 0; s < offers.Count; s++)
        {
            for (var b = 0; b < bids.Count; b++)
            {
                if (withinReach(s, b))
                {
                    _reach[0][s]++;
                    _reach[1][b]++;
                }
            }
        }
    }

    public IReadOnlyList<Order> Offers => Active(0);

    public IReadOnlyList<Order> Bids => Active(1);

    /// <summary>Drops every order left without a counterpart; returns them, offers before bids, each side by seq.</summary>
    public IReadOnlyList<(Order Order, OrderSide Side)> DropUnreachable()
    {
        var dropped = new List<(Order, OrderSide)>();
        var queue = new Queue<(int Side, int Index)>();
        for (var side = 0; side < 2; side++)
        {
            for (var i = 0; i < _orders[side].Length; i++)
            {
                if (_active[side][i] && _reach[side][i] == 0)
                    queue.Enqueue((side, i));
            }
        }

        while (queue.TryDequeue(out var next))
        {
            if (!_active[next.Side][next.Index])
                continue;
            dropped.Add((_orders[next.Side][next.Index], next.Side == 0 ? OrderSide.Offer : OrderSide.Bid));
            foreach (var (side, index) in Deactivate(next.Side, next.Index))
                queue.Enqueue((side, index));
        }

        return [.. dropped.OrderBy(d => d.Item2).ThenBy(d => d.Item1.Seq)];
    }

    /// <summary>Takes an order out of the book (an unplaced winner); call <see cref="DropUnreachable"/> next.</summary>
    public void Remove(string id, OrderSide side)
    {
        var s = side == OrderSide.Offer ? 0 : 1;
        var index = Array.FindIndex(_orders[s], o => o.Id == id);
        Deactivate(s, index);
    }

    /// <summary>Deactivates one order; returns the counterparts it leaves without any.</summary>
    private List<(int Side, int Index)> Deactivate(int side, int index)
    {
        _active[side][index] = false;
        var other = 1 - side;
        var orphaned = new List<(int, int)>();
        for (var j = 0; j < _orders[other].Length; j++)
        {
            if (!_active[other][j] || !(side == 0 ? _withinReach(index, j) : _withinReach(j, index)))
                continue;
            if (--_reach[other][j] == 0)
                orphaned.Add((other, j));
        }

        return orphaned;
    }

    private Order[] Active(int side) => [.. _orders[side].Where((_, i) => _active[side][i])];
}
