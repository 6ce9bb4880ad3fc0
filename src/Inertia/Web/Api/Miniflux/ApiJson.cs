using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Inertia.Web.Api.Miniflux.Json;

namespace Inertia.Web.Api.Miniflux;

/// <summary>How the API writes and reads JSON, and its answers in Miniflux's error shape.</summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new RfcTimeConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static IResult Ok<T>(T value, int status = StatusCodes.Status200OK) => Results.Json(value, Options, statusCode: status);

    public static IResult Error(int status, string message) => Results.Json(new ErrorJson(message), Options, statusCode: status);

    /// <summary>An error Miniflux has no answer for, as problem details (with <c>error_message</c>).</summary>
    public static IResult Problem(int status, string detail) =>
        Results.Json(ProblemJson.For(status, detail), Options, ProblemJson.ContentType, status);

    /// <summary>Writes <see cref="Problem"/> where there is no result to return (middleware, handlers).</summary>
    public static Task WriteProblemAsync(HttpResponse response, int status, string detail, CancellationToken cancellationToken = default)
    {
        response.StatusCode = status;
        return response.WriteAsJsonAsync(ProblemJson.For(status, detail), Options, ProblemJson.ContentType, cancellationToken);
    }

    public static IResult NotFound() => Error(StatusCodes.Status404NotFound, "Resource Not Found");

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, message);

    /// <summary>Reads a JSON body; on failure, the answer to give instead.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request) where T : class
    {
        if (request.ContentLength == 0)
        {
            return (null, BadRequest("The request body is empty; it must be a JSON object."));
        }
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted);
            return value is null ? (null, BadRequest("The request body must be a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, BadRequest("The request body is not valid JSON: " + e.Message));
        }
    }

    /// <summary>Times as RFC 3339 in UTC to the second ("2024-05-18T14:02:00Z"), which every client's date parser reads.</summary>
    private sealed class RfcTimeConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }
}
