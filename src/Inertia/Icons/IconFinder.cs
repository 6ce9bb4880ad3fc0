using AngleSharp.Dom;
using Inertia.Fetching;

namespace Inertia.Icons;

/// <summary>
/// Finds a site's icon through the guarded fetcher: the icons its home page links to (preferring small
/// raster ones), then <c>/favicon.ico</c>. Only real images of a bounded size are kept.
/// </summary>
internal sealed class IconFinder(HttpFetcher fetcher)
{
    /// <summary>Icons larger than this are not kept.</summary>
    public const int MaxIconBytes = 256 * 1024;

    private const int MaxCandidates = 4;

    /// <summary>The site's icon, or null when none could be had (each failure is quietly one candidate fewer).</summary>
    public async Task<FoundIcon?> FindAsync(Uri site, CancellationToken cancellationToken)
    {
        var candidates = new List<Uri>();
        if (await TryFetchAsync(site, cancellationToken) is { IsSuccess: true } page && IsHtml(page.ContentType))
        {
            candidates.AddRange(LinkedIcons(page));
        }
        candidates.Add(new Uri(site, "/favicon.ico"));
        foreach (var candidate in candidates.DistinctBy(u => u.AbsoluteUri).Take(MaxCandidates))
        {
            if (await TryFetchAsync(candidate, cancellationToken) is { IsSuccess: true } answer
                && answer.Body.Length is > 0 and <= MaxIconBytes
                && IconFormat.Detect(answer.Body.Span) is { } mediaType)
            {
                return new FoundIcon(mediaType, answer.Body.ToArray());
            }
        }
        return null;
    }

    /// <summary>The icons a page links to, best first: declared small sizes, then any size, then Apple's touch icons.</summary>
    internal static IEnumerable<Uri> LinkedIcons(FetchResult page)
    {
        using var document = HtmlPage.Parse(page.Body, page.ContentType);
        var baseUrl = HtmlPage.BaseUrl(document, page.FinalUrl);
        var found = new List<(int Rank, int Order, Uri Url)>();
        var order = 0;
        foreach (var link in document.QuerySelectorAll("link[rel][href]"))
        {
            var rel = link.GetAttribute("rel")!;
            var isIcon = HtmlPage.HasRelation(rel, "icon");
            if ((!isIcon && !HtmlPage.HasRelation(rel, "apple-touch-icon")) || IsSvg(link)
                || !Uri.TryCreate(baseUrl, link.GetAttribute("href")!.Trim(), out var url) || url.Scheme is not ("http" or "https"))
            {
                continue;
            }
            found.Add((isIcon ? SizeRank(link.GetAttribute("sizes")) : 3, order++, url));
        }
        return found.OrderBy(f => f.Rank).ThenBy(f => f.Order).Select(f => f.Url).ToList();
    }

    private static int SizeRank(string? sizes) =>
        sizes is null ? 1 : sizes.Contains("16x16", StringComparison.Ordinal) || sizes.Contains("32x32", StringComparison.Ordinal) ? 0 : 2;

    private static bool IsSvg(IElement link) =>
        link.GetAttribute("type")?.Contains("svg", StringComparison.OrdinalIgnoreCase) == true
        || link.GetAttribute("href")!.Split('?', '#')[0].EndsWith(".svg", StringComparison.OrdinalIgnoreCase);

    private static bool IsHtml(string? contentType) =>
        contentType is null || contentType.Contains("html", StringComparison.OrdinalIgnoreCase);

    private async Task<FetchResult?> TryFetchAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await fetcher.FetchAsync(url, cancellationToken: cancellationToken);
        }
        catch (FetchException)
        {
            return null;
        }
    }
}
