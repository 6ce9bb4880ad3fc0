using Inertia.Storage.Entries;

namespace Inertia.Search;

/// <summary>
/// One page of search results. <see cref="Next"/> (newest or oldest first) or <see cref="NextOffset"/> (by
/// relevance) says where the next page starts; both are null on the last page.
/// </summary>
internal sealed record SearchResults(IReadOnlyList<SearchHit> Hits, EntryCursor? Next, int? NextOffset)
{
    /// <summary>How many entries match in all: exact, or a lower bound when <see cref="CountIsLowerBound"/>; null when unknown (a regular expression decides).</summary>
    public long? Count { get; init; }

    public bool CountIsLowerBound { get; init; }

    /// <summary>
    /// Relevance was asked for but the words match too many entries to rank them all; the page is newest first.
    /// </summary>
    public bool RankedByDate { get; init; }

    /// <summary>A regular expression was checked on this many entries for this page and the search stopped there; the next page goes on.</summary>
    public int? ScannedBeforeStopping { get; init; }

    /// <summary>Entries on which a regular expression ran out of time (they count as not matching).</summary>
    public int RegexTimeouts { get; init; }
}

/// <summary>A search result: the entry as lists show it, and a snippet of its text around what matched.</summary>
internal sealed record SearchHit(EntryListItem Entry, string? Snippet);
