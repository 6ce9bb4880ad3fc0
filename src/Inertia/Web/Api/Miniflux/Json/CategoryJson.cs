using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>A Miniflux category: one of Inertia's folders, or (id 0) the feeds outside folders.</summary>
internal sealed record CategoryJson(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("user_id")] long UserId)
{
    [JsonPropertyName("hide_globally")] public bool HideGlobally { get; init; }

    /// <summary>With <c>?counts=true</c> only.</summary>
    [JsonPropertyName("feed_count"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? FeedCount { get; init; }

    /// <summary>With <c>?counts=true</c> only.</summary>
    [JsonPropertyName("total_unread"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? TotalUnread { get; init; }
}
