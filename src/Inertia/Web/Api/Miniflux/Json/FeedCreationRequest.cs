using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>The body of creating a feed: its address (a feed, or a page that links to one) and its category (0 or none: outside folders).</summary>
internal sealed record FeedCreationRequest(
    [property: JsonPropertyName("feed_url")] string? FeedUrl,
    [property: JsonPropertyName("category_id")] long? CategoryId);
