using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>An entry's attachment. Inertia keeps attachments inside their entry, so the id is their position in it (1, 2, …).</summary>
internal sealed record EnclosureJson
{
    [JsonPropertyName("id")] public long Id { get; init; }
    [JsonPropertyName("user_id")] public long UserId { get; init; }
    [JsonPropertyName("entry_id")] public long EntryId { get; init; }
    [JsonPropertyName("url")] public required string Url { get; init; }
    [JsonPropertyName("mime_type")] public required string MimeType { get; init; }
    [JsonPropertyName("size")] public long Size { get; init; }
    [JsonPropertyName("media_progression")] public long MediaProgression { get; init; }
}
