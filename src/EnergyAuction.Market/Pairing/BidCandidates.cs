namespace EnergyAuction.Market.Pairing;

/// <summary>
/// One bid's feasible offers ordered by (score desc, offer seq asc). The first best is found by a scan; a binary heap
/// is built only if the bid needs a second candidate, which most bids never do.
/// </summary>
/// <param name="offers">Indexes of the bid's feasible offers among the winning offers.</param>
/// <param name="scores">Score of each, same order.</param>
/// <param name="distances">Distance to each in metres, same order.</param>
/// <param name="offerSeq">Seq of every winning offer, by index.</param>
internal sealed class BidCandidates(int[] offers, double[] scores, long[] distances, long[] offerSeq)
{
    private int[]? _heap;
    private int _size;

    /// <summary>Position (into the bid's candidates) of the offer returned by the last <see cref="Best"/>.</summary>
    private int _current = -1;

    /// <summary>Index of the offer returned by the last <see cref="Best"/>, or -1 when none is left.</summary>
    public int CurrentOffer => _current < 0 ? -1 : offers[_current];

    public double CurrentScore => scores[_current];

    public long CurrentDistance => distances[_current];

    /// <summary>The best feasible offer that still has energy to pair, or -1.</summary>
    public int Best(long[] remaining)
    {
        if (_heap is null && _current < 0)
        {
            _current = Scan(remaining);
            _heap = _current < 0 ? [] : null;
            return CurrentOffer;
        }

        if (_heap is null)
            Heapify(remaining);
        while (_size > 0 && remaining[offers[_heap![0]]] == 0)
            Pop();
        _current = _size > 0 ? _heap![0] : -1;
        return CurrentOffer;
    }

    private int Scan(long[] remaining)
    {
        var best = -1;
        for (var k = 0; k < offers.Length; k++)
        {
            if (remaining[offers[k]] > 0 && (best < 0 || Before(k, best)))
                best = k;
        }

        return best;
    }

    private void Heapify(long[] remaining)
    {
        _heap = new int[offers.Length];
        for (var k = 0; k < offers.Length; k++)
        {
            if (remaining[offers[k]] > 0)
                _heap[_size++] = k;
        }

        for (var i = _size / 2 - 1; i >= 0; i--)
            SiftDown(i);
    }

    private void Pop()
    {
        _heap![0] = _heap[--_size];
        SiftDown(0);
    }

    private void SiftDown(int i)
    {
        var heap = _heap!;
        while (true)
        {
            int left = 2 * i + 1, right = left + 1, top = i;
            if (left < _size && Before(heap[left], heap[top]))
                top = left;
            if (right < _size && Before(heap[right], heap[top]))
                top = right;
            if (top == i)
                return;
            (heap[i], heap[top]) = (heap[top], heap[i]);
            i = top;
        }
    }

    private bool Before(int a, int b)
    {
        var byScore = scores[b].CompareTo(scores[a]);
        return byScore != 0 ? byScore < 0 : offerSeq[offers[a]] < offerSeq[offers[b]];
    }
}
