using System.Text.Encodings.Web;
using System.Text.Json;

namespace Inertia.Web.Api;

/// <summary>
/// JSON written straight to the response with a <see cref="Utf8JsonWriter"/>, for the answers sync clients
/// ask for by the hundred (250 articles, 10,000 ids): no object per item, no reflection. Text is escaped
/// only where JSON requires, not HTML-escaped as well: these answers go to apps, never into a page, and
/// articles are mostly HTML, which default escaping would make a third larger and much slower to write.
/// </summary>
internal sealed class JsonStreamResult(Action<Utf8JsonWriter> write) : IResult
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The same escaping for answers written from objects.</summary>
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An answer written from an object, with the same escaping.</summary>
    public static IResult Json(object value, int status = StatusCodes.Status200OK) => Results.Json(value, SerializerOptions, statusCode: status);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter, WriterOptions))
        {
            write(writer);
        }
        await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
