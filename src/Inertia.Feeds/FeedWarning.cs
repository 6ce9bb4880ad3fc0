namespace Inertia.Feeds;

/// <summary>
/// Something the parser had to recover from or leave out (feedparser calls these "bozo" conditions).
/// A feed with warnings was still read; the warnings say what was repaired and where.
/// </summary>
/// <param name="Message">What was wrong and what the parser did about it.</param>
/// <param name="Line">1-based line in the decoded document, when the problem has a place.</param>
/// <param name="Column">1-based column in that line.</param>
public sealed record FeedWarning(string Message, int? Line = null, int? Column = null)
{
    /// <summary>How many times the same problem occurred; only the first place is kept.</summary>
    public int Count { get; init; } = 1;

    /// <inheritdoc/>
    public override string ToString()
    {
        var place = Line is { } line ? $"line {line}, column {Column ?? 1}: " : "";
        var times = Count > 1 ? $" ({Count} times)" : "";
        return place + Message + times;
    }
}
