using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>A feed's icon; <c>data</c> is "MIME;base64,BYTES" as Miniflux writes it.</summary>
internal sealed record IconJson(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("mime_type")] string MimeType);
