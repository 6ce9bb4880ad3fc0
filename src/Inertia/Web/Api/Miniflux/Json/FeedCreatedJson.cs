using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>The answer to creating a feed.</summary>
internal sealed record FeedCreatedJson([property: JsonPropertyName("feed_id")] long FeedId);
