using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>A feed found behind an address: its URL, title and type ("rss", "atom" or "json").</summary>
internal sealed record DiscoveredJson(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("type")] string Type);
