using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>A Miniflux entry, with the caller's status and star, and its feed.</summary>
internal sealed record EntryJson
{
    [JsonPropertyName("id")] public long Id { get; init; }
    [JsonPropertyName("user_id")] public long UserId { get; init; }
    [JsonPropertyName("feed_id")] public long FeedId { get; init; }

    /// <summary>"read" or "unread".</summary>
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("hash")] public required string Hash { get; init; }
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("url")] public required string Url { get; init; }
    [JsonPropertyName("comments_url")] public required string CommentsUrl { get; init; }
    [JsonPropertyName("published_at")] public DateTimeOffset PublishedAt { get; init; }

    /// <summary>When the entry reached the caller.</summary>
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("changed_at")] public DateTimeOffset ChangedAt { get; init; }

    /// <summary>The sanitized HTML content (or summary, when the feed gives no content).</summary>
    [JsonPropertyName("content")] public required string Content { get; init; }
    [JsonPropertyName("author")] public required string Author { get; init; }
    [JsonPropertyName("share_code")] public string ShareCode { get; init; } = "";
    [JsonPropertyName("starred")] public bool Starred { get; init; }
    [JsonPropertyName("reading_time")] public int ReadingTime { get; init; }
    [JsonPropertyName("enclosures")] public required IReadOnlyList<EnclosureJson> Enclosures { get; init; }
    [JsonPropertyName("tags")] public required IReadOnlyList<string> Tags { get; init; }
    [JsonPropertyName("feed")] public required FeedJson Feed { get; init; }
}
