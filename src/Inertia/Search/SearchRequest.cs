using Inertia.Storage.Entries;

namespace Inertia.Search;

/// <summary>One page of a search: the query, where to look, in which order, from where.</summary>
internal sealed record SearchRequest(SearchQuery Query)
{
    /// <summary>Only this feed's entries.</summary>
    public long? FeedId { get; init; }

    /// <summary>Only the entries of the feeds in this folder.</summary>
    public long? FolderId { get; init; }

    /// <summary>Only entries that had reached the user by then (marking results read spares what arrived after they were shown).</summary>
    public DateTimeOffset? ArrivedBy { get; init; }

    /// <summary>Only unread entries.</summary>
    public bool UnreadOnly { get; init; }

    public SearchOrder Order { get; init; } = SearchOrder.Newest;

    /// <summary>Start after this entry (newest and oldest first).</summary>
    public EntryCursor? After { get; init; }

    /// <summary>Skip this many results (by relevance, which has no stable key to continue from).</summary>
    public int Offset { get; init; }

    public int Limit { get; init; } = 50;
}

/// <summary>The orders search results come in.</summary>
internal enum SearchOrder
{
    Newest,
    Oldest,
    Relevance,
}
