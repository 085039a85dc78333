using System.Collections.Generic;

namespace FtpAnalyzers.Flow;

/// <summary>
/// The blocks still to visit, lowest ordinal first (blocks are laid out in flow order, so this
/// reaches a fixed point in few visits): a binary heap over a reusable membership array, so a
/// visit allocates nothing.
/// </summary>
internal sealed class BlockWorklist
{
    private readonly bool[] _queued;
    private readonly List<int> _heap = new();

    public BlockWorklist(int blockCount) => _queued = new bool[blockCount];

    public int Count => _heap.Count;

    public void Add(int ordinal)
    {
        if (_queued[ordinal])
            return;
        _queued[ordinal] = true;
        _heap.Add(ordinal);
        for (var child = _heap.Count - 1; child > 0;)
        {
            var parent = (child - 1) / 2;
            if (_heap[parent] <= ordinal)
                break;
            _heap[child] = _heap[parent];
            _heap[parent] = ordinal;
            child = parent;
        }
    }

    public int RemoveMin()
    {
        var min = _heap[0];
        _queued[min] = false;
        var last = _heap[_heap.Count - 1];
        _heap.RemoveAt(_heap.Count - 1);
        if (_heap.Count > 0)
        {
            var index = 0;
            while (true)
            {
                var smallest = index;
                var left = (2 * index) + 1;
                if (left < _heap.Count && _heap[left] < (smallest == index ? last : _heap[smallest]))
                    smallest = left;
                if (left + 1 < _heap.Count && _heap[left + 1] < (smallest == index ? last : _heap[smallest]))
                    smallest = left + 1;
                if (smallest == index)
                    break;
                _heap[index] = _heap[smallest];
                index = smallest;
            }

            _heap[index] = last;
        }

        return min;
    }

    public void Clear()
    {
        foreach (var ordinal in _heap)
            _queued[ordinal] = false;
        _heap.Clear();
    }
}
