namespace Inertia.Feeds;

/// <summary>
/// Collects recovery warnings while a document is read. The same problem is recorded once, with the place
/// it first occurred and how often it occurred, so that a feed with ten thousand stray ampersands yields one
/// useful line rather than ten thousand.
/// </summary>
internal sealed class Warnings
{
    private const int MaxDistinct = 100;

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<(string Message, int Offset, int Line, int Column, int Count)> _items = [];
    private Func<int, (int Line, int Column)>? _locate;
    private int _dropped;

    /// <summary>Whether any warning was recorded.</summary>
    public bool Any => _items.Count > 0;

    /// <summary>Lets positional warnings carry a line and column; set once the decoded text is known.</summary>
    public void UsePositions(Func<int, (int Line, int Column)> locate) => _locate = locate;

    /// <summary>Records a problem at a character offset of the decoded document, or without a place (offset &lt; 0).</summary>
    public void Add(string message, int offset = -1) => Record(message, offset, 0, 0);

    /// <summary>Records a problem at a known line and column (for documents that are not read through offsets, such as JSON).</summary>
    public void AddAt(string message, int line, int column) => Record(message, -1, line, column);

    private void Record(string message, int offset, int line, int column)
    {
        if (_index.TryGetValue(message, out var i))
        {
            var item = _items[i];
            _items[i] = item with { Count = item.Count + 1 };
            return;
        }
        if (_items.Count >= MaxDistinct)
        {
            _dropped++;
            return;
        }
        _index[message] = _items.Count;
        _items.Add((message, offset, line, column, 1));
    }

    /// <summary>The warnings in the order they first occurred.</summary>
    public IReadOnlyList<FeedWarning> ToList()
    {
        if (_items.Count == 0)
        {
            return [];
        }
        var list = new List<FeedWarning>(_items.Count + 1);
        foreach (var (message, offset, knownLine, knownColumn, count) in _items)
        {
            if (offset >= 0 && _locate is not null)
            {
                var (line, column) = _locate(offset);
                list.Add(new FeedWarning(message, line, column) { Count = count });
            }
            else if (knownLine > 0)
            {
                list.Add(new FeedWarning(message, knownLine, knownColumn) { Count = count });
            }
            else
            {
                list.Add(new FeedWarning(message) { Count = count });
            }
        }
        if (_dropped > 0)
        {
            list.Add(new FeedWarning($"{_dropped} further kinds of problems were not recorded."));
        }
        return list;
    }
}
