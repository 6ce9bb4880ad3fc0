using System.Text.Json;
using Inertia.Feeds;
using Inertia.Storage.Subscriptions;

namespace Inertia.Storage.Entries;

/// <summary>An entry with everything an API answers about it: content, the user's state, its feed and folder.</summary>
internal sealed record FullEntry
{
    public long EntryId { get; init; }
    public bool IsRead { get; init; }
    public bool IsStarred { get; init; }
    public DateTimeOffset PublishedAt { get; init; }

    /// <summary>When the entry reached this user.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the entry's content last changed.</summary>
    public DateTimeOffset ChangedAt { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public string? CommentsUrl { get; init; }
    public string? Summary { get; init; }
    public string? Content { get; init; }
    public required string Hash { get; init; }
    public string? AuthorsJson { get; init; }
    public string? CategoriesJson { get; init; }
    public string? EnclosuresJson { get; init; }
    public required SubscribedFeed Feed { get; init; }

    public long FeedId => Feed.FeedId;

    public IReadOnlyList<Person> Authors => AuthorsJson is null ? [] : JsonSerializer.Deserialize(AuthorsJson, StorageJson.Default.IReadOnlyListPerson) ?? [];

    public IReadOnlyList<string> Categories => CategoriesJson is null ? [] : JsonSerializer.Deserialize(CategoriesJson, StorageJson.Default.IReadOnlyListString) ?? [];

    public IReadOnlyList<Enclosure> Enclosures => EnclosuresJson is null ? [] : JsonSerializer.Deserialize(EnclosuresJson, StorageJson.Default.IReadOnlyListEnclosure) ?? [];
}
