using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>The body of creating or renaming a category.</summary>
internal sealed record CategoryRequest([property: JsonPropertyName("title")] string? Title);
