using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace Inertia.Web.Api;

/// <summary>
/// A request body over Kestrel's MaxRequestBodySize: reading it throws wherever it is read, so the APIs' error
/// middleware turns that into a 413 in their own shape instead of a logged 500.
/// </summary>
internal static class RequestBody
{
    public static bool IsTooLarge(BadHttpRequestException e) => e.StatusCode == StatusCodes.Status413PayloadTooLarge;

    /// <summary>"The request body is larger than the 30,000,000 bytes this server accepts."</summary>
    public static string TooLargeMessage(HttpContext context) =>
        context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit
            ? string.Format(CultureInfo.InvariantCulture, "The request body is larger than the {0:N0} bytes this server accepts.", limit)
            : "The request body is larger than this server accepts.";
}
