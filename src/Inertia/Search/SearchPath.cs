namespace Inertia.Search;

/// <summary>
/// How a page of results is read, chosen per query from how many entries the index matches (across all users; counting
/// them is cheap). Measured at 1,000,000 entries on SQLite (docs/search.md): each path is the fastest in its range.
/// </summary>
internal enum SearchPath
{
    /// <summary>Few matches: the matches are read from the index, joined to the reader's state rows by key, and sorted.</summary>
    IndexFirst,

    /// <summary>
    /// Many matches: the reader's state rows are walked in date order, each checked against the set of matches (built
    /// once) until the page is full. A query without words walks the state rows with its conditions alone.
    /// </summary>
    DatesAgainstMatches,

    /// <summary>
    /// Most entries match (a very common word): building the set would cost more than the page, so each state row walked
    /// asks the index about itself; a few dozen rows fill the page.
    /// </summary>
    DatesAskingTheIndex,
}
