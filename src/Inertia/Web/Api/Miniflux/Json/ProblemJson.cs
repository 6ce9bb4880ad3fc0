using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>
/// An error Miniflux defines no answer for (limits, a wrong method, a failure): RFC 9457 problem details, with
/// Miniflux's <c>error_message</c> beside them so that Miniflux clients show the message too.
/// </summary>
internal sealed record ProblemJson(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail")] string Detail)
{
    [JsonPropertyName("error_message")] public string ErrorMessage => Detail;

    public const string ContentType = "application/problem+json";

    public static ProblemJson For(int status, string detail) =>
        new("about:blank", Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), status, detail);
}
