using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>The body of changing a feed: its title for the caller, and its category (0: out of folders). Other Miniflux fields are accepted and ignored.</summary>
internal sealed record FeedModificationRequest(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("category_id")] long? CategoryId);
