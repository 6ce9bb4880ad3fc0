using System.Text.Json;
using Inertia.Feeds;

namespace Inertia.Storage.Sync;

/// <summary>An entry as sync clients receive it: its content, its feed and folder, and the user's state.</summary>
internal sealed record SyncItem
{
    public long EntryId { get; init; }
    public long FeedId { get; init; }
    public required string FeedTitle { get; init; }
    public string? SiteUrl { get; init; }
    public string? FolderTitle { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public string? Summary { get; init; }
    public string? Content { get; init; }
    public string? AuthorsJson { get; init; }
    public string? EnclosuresJson { get; init; }

    /// <summary>Unix milliseconds.</summary>
    public long PublishedAt { get; init; }

    /// <summary>When the entry reached the user (Unix milliseconds).</summary>
    public long ArrivedAt { get; init; }

    public bool IsRead { get; init; }
    public bool IsStarred { get; init; }

    /// <summary>The user's own labels on the entry.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The article's HTML: its content, else its summary.</summary>
    public string Html => Content ?? Summary ?? "";

    public IReadOnlyList<Person> Authors => AuthorsJson is null ? [] : JsonSerializer.Deserialize(AuthorsJson, StorageJson.Default.IReadOnlyListPerson) ?? [];

    public IReadOnlyList<Enclosure> Enclosures => EnclosuresJson is null ? [] : JsonSerializer.Deserialize(EnclosuresJson, StorageJson.Default.IReadOnlyListEnclosure) ?? [];
}
