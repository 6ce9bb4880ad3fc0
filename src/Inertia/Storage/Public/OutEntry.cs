using System.Text.Json;
using Inertia.Feeds;

namespace Inertia.Storage.Public;

/// <summary>An entry as a published feed carries it: the article, where it came from, and when it changed.</summary>
internal sealed record OutEntry
{
    public long EntryId { get; init; }
    public required string FeedTitle { get; init; }
    public required string FeedUrl { get; init; }
    public string? SiteUrl { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public string? Summary { get; init; }
    public string? Content { get; init; }
    public string? AuthorsJson { get; init; }
    public string? CategoriesJson { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>When the stored entry last changed (arrived or was updated).</summary>
    public DateTimeOffset ChangedAt { get; init; }

    public DateTimeOffset? StarredAt { get; init; }

    public IReadOnlyList<Person> Authors => AuthorsJson is null ? [] : JsonSerializer.Deserialize(AuthorsJson, StorageJson.Default.IReadOnlyListPerson) ?? [];

    public IReadOnlyList<string> Categories => CategoriesJson is null ? [] : JsonSerializer.Deserialize(CategoriesJson, StorageJson.Default.IReadOnlyListString) ?? [];
}
