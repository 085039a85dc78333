using System;

namespace FtpAnalyzers.Flow;

/// <summary>
/// A small map from numbers to values, kept sorted by number. A flow state holds a few entries and
/// is copied and joined on every edge of a graph: two arrays' worth of work, no hashing.
/// </summary>
internal sealed class IntMap<T>
{
    private (int Key, T Value)[] _items;

    public IntMap(int capacity = 0)
        => _items = capacity == 0 ? Array.Empty<(int, T)>() : new (int, T)[capacity];

    private IntMap((int Key, T Value)[] items, int count)
    {
        _items = items;
        Count = count;
    }

    public int Count { get; private set; }

    public int KeyAt(int index) => _items[index].Key;

    public T ValueAt(int index) => _items[index].Value;

    public void SetValueAt(int index, T value) => _items[index].Value = value;

    public bool ContainsKey(int key) => IndexOf(key) >= 0;

    public bool TryGetValue(int key, out T value)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            value = default!;
            return false;
        }

        value = _items[index].Value;
        return true;
    }

    public void Set(int key, T value)
    {
        var index = IndexOf(key);
        if (index >= 0)
        {
            _items[index].Value = value;
            return;
        }

        index = ~index;
        if (Count == _items.Length)
            Array.Resize(ref _items, Math.Max(4, Count * 2));
        Array.Copy(_items, index, _items, index + 1, Count - index);
        _items[index] = (key, value);
        Count++;
    }

    public void Remove(int key)
    {
        var index = IndexOf(key);
        if (index < 0)
            return;
        Count--;
        Array.Copy(_items, index + 1, _items, index, Count - index);
        _items[Count] = default;
    }

    public IntMap<T> Clone()
    {
        var items = Count == 0 ? Array.Empty<(int, T)>() : new (int, T)[Count];
        Array.Copy(_items, items, Count);
        return new IntMap<T>(items, Count);
    }

    /// <summary>The index of <paramref name="key"/>, or the complement of where it would go.</summary>
    private int IndexOf(int key)
    {
        int low = 0, high = Count - 1;
        while (low <= high)
        {
            var middle = (low + high) >> 1;
            var found = _items[middle].Key;
            if (found == key)
                return middle;
            if (found < key)
                low = middle + 1;
            else
                high = middle - 1;
        }

        return ~low;
    }
}
