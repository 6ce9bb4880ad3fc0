using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>A plain confirmation, as Miniflux answers an import.</summary>
internal sealed record MessageJson([property: JsonPropertyName("message")] string Message);
