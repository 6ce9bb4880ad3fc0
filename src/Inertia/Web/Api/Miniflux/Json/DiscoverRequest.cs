using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>The body of <c>POST /v1/discover</c>.</summary>
internal sealed record DiscoverRequest([property: JsonPropertyName("url")] string? Url);
