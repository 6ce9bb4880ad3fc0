using Inertia.Search;

namespace Inertia.Storage.Entries;

/// <summary>
/// A free combination of conditions on a user's entries, as APIs ask for them (the reader's own lists use
/// <see cref="EntryQuery"/>, which is shaped for its indexes instead). Null means "any".
/// </summary>
internal sealed record EntryFilter
{
    /// <summary>Only read (true) or only unread (false) entries.</summary>
    public bool? Read { get; init; }

    /// <summary>No entry at all (a status no entry can have was asked for).</summary>
    public bool Nothing { get; init; }

    public bool? Starred { get; init; }
    public long? FeedId { get; init; }

    /// <summary>Only the feeds in this folder; see <see cref="Unfiled"/> for the feeds outside folders.</summary>
    public long? FolderId { get; init; }

    /// <summary>Only the feeds outside folders.</summary>
    public bool Unfiled { get; init; }

    public DateTimeOffset? PublishedAfter { get; init; }
    public DateTimeOffset? PublishedBefore { get; init; }
    public long? AfterEntryId { get; init; }
    public long? BeforeEntryId { get; init; }

    /// <summary>Only entries that match this search (docs/search.md); it holds no regular expression.</summary>
    public CompiledSearch? Search { get; init; }

    /// <summary>
    /// Hidden entries as well (one entry asked for by its id); otherwise they are left out, unless the search asks for
    /// them (<c>is:hidden</c>).
    /// </summary>
    public bool WithHidden { get; init; }

    public EntryOrder Order { get; init; } = EntryOrder.PublishedAt;
    public bool Descending { get; init; }

    /// <summary>How many entries at most; null for all.</summary>
    public int? Limit { get; init; }

    public int Offset { get; init; }
}

/// <summary>The orders <see cref="EntryFilter"/> can list entries in; the entry id breaks ties.</summary>
internal enum EntryOrder
{
    Id,
    Status,
    PublishedAt,
    CreatedAt,
    ChangedAt,
    CategoryId,
    CategoryTitle,
    Title,
}
