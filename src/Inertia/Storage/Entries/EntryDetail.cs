using System.Text.Json;
using Inertia.Feeds;

namespace Inertia.Storage.Entries;

/// <summary>Everything the article view shows of one entry, with the reader's state.</summary>
internal sealed record EntryDetail
{
    public long EntryId { get; init; }
    public long FeedId { get; init; }
    public long? FolderId { get; init; }
    public required string FeedTitle { get; init; }

    /// <summary>The version of the feed's site icon; null when it has none.</summary>
    public string? IconHash { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public string? Summary { get; init; }
    public string? Content { get; init; }
    public string? CommentsUrl { get; init; }
    public string? Language { get; init; }

    /// <summary>The language its feed gives for itself; null when it gives none.</summary>
    public string? FeedLanguage { get; init; }

    /// <summary>The language the entry is written in: its own, else its feed's; null when neither says.</summary>
    public string? ContentLanguage => Language ?? FeedLanguage;

    /// <summary>Plain text from the start of the entry (public pages' descriptions; the reader's view leaves it unread).</summary>
    public string? Snippet { get; init; }

    /// <summary>The entry's lead image (public pages' previews; the reader's view leaves it unread).</summary>
    public string? ImageUrl { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    public bool IsRead { get; init; }
    public bool IsStarred { get; init; }

    /// <summary>The authors, as stored (JSON).</summary>
    public string? AuthorsJson { get; init; }

    /// <summary>The categories, as stored (JSON).</summary>
    public string? CategoriesJson { get; init; }

    /// <summary>The enclosures, as stored (JSON).</summary>
    public string? EnclosuresJson { get; init; }

    // Each read once, when first asked for: the article view asks for each list more than once.
    public IReadOnlyList<Person> Authors => field ??= AuthorsJson is null ? [] : JsonSerializer.Deserialize(AuthorsJson, StorageJson.Default.IReadOnlyListPerson) ?? [];

    public IReadOnlyList<string> Categories => field ??= CategoriesJson is null ? [] : JsonSerializer.Deserialize(CategoriesJson, StorageJson.Default.IReadOnlyListString) ?? [];

    public IReadOnlyList<Enclosure> Enclosures => field ??= EnclosuresJson is null ? [] : JsonSerializer.Deserialize(EnclosuresJson, StorageJson.Default.IReadOnlyListEnclosure) ?? [];

    public EntryCursor Cursor => new(PublishedAt.ToUnixTimeMilliseconds(), EntryId);
}
