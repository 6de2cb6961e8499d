namespace EnergyAuction.Market.Pairing;

/// <summary>
/// One bid's offers ordered by (score desc, offer seq asc). The first best is found by a scan; a
/// binary heap is built only if the bid needs a second candidate, which most bids never do.
/// </summary>
internal sealed class BidCandidates(double[] scores, long[] offerSeq)
{
    private int[]? _heap;
    private int _size;

    /// <summary>The offer returned by the last <see cref="Best"/>.</summary>
    public int Current { get; private set; } = -1;

    public double Score(int offer) => scores[offer];

    /// <summary>The best offer that still has energy to pair.</summary>
    public int Best(long[] remaining)
    {
        if (Current < 0)
            return Current = Scan(remaining);
        if (_heap is null)
            Heapify(remaining);
        else
        {
            while (remaining[_heap[0]] == 0)
                Pop();
        }

        return Current = _heap![0];
    }

    private int Scan(long[] remaining)
    {
        var best = -1;
        for (var s = 0; s < scores.Length; s++)
        {
            if (remaining[s] > 0 && (best < 0 || Before(s, best)))
                best = s;
        }

        return best;
    }

    private void Heapify(long[] remaining)
    {
        _heap = new int[scores.Length];
        for (var s = 0; s < scores.Length; s++)
        {
            if (remaining[s] > 0)
                _heap[_size++] = s;
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
        return byScore != 0 ? byScore < 0 : offerSeq[a] < offerSeq[b];
    }
}
