using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>What <c>/v1/version</c> answers: the server is Inertia, speaking Miniflux's API.</summary>
internal sealed record VersionJson(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("commit")] string Commit,
    [property: JsonPropertyName("build_date")] string BuildDate,
    [property: JsonPropertyName("go_version")] string GoVersion,
    [property: JsonPropertyName("compiler")] string Compiler,
    [property: JsonPropertyName("arch")] string Arch,
    [property: JsonPropertyName("os")] string Os);
