using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>Read and unread entries per feed, keyed by feed id.</summary>
internal sealed record FeedCountersJson(
    [property: JsonPropertyName("reads")] IReadOnlyDictionary<string, long> Reads,
    [property: JsonPropertyName("unreads")] IReadOnlyDictionary<string, long> Unreads);
