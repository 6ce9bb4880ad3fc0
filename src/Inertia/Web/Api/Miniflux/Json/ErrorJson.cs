using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>Miniflux's error answer: one message.</summary>
internal sealed record ErrorJson([property: JsonPropertyName("error_message")] string ErrorMessage);
