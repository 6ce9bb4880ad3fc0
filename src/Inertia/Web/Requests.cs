namespace Inertia.Web;

/// <summary>Small facts about requests that several parts of the web app need.</summary>
internal static class Requests
{
    /// <summary>Whether the request comes from a script that wants JSON rather than a page.</summary>
    public static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>A local path to return to, or <paramref name="fallback"/> when <paramref name="url"/> is missing or leads elsewhere.</summary>
    public static string LocalOr(string? url, string fallback) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains('\n', StringComparison.Ordinal) && !url.Contains('\r', StringComparison.Ordinal)
            ? url
            : fallback;
}
