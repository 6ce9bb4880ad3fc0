namespace Inertia.Web.Public;

/// <summary>The address of a share link, on the host the reader used (behind a proxy, as it forwarded it).</summary>
internal static class ShareLinks
{
    public static string Url(HttpRequest request, string code) => $"{request.Scheme}://{request.Host}/s/{code}";
}
