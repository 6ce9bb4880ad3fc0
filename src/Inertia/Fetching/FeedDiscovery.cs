using System.Diagnostics.CodeAnalysis;
using Inertia.Feeds;

namespace Inertia.Fetching;

/// <summary>
/// Finds the feeds behind an address a user wants to subscribe to: the address itself when it is a feed; else the
/// feeds its HTML page announces; else the first of the usual feed paths on the same origin that serves a feed.
/// Every request goes through the same guarded <see cref="HttpFetcher"/>, one at a time.
/// </summary>
internal sealed class FeedDiscovery(HttpFetcher fetcher, FeedParser? parser = null)
{
    private readonly FeedParser _parser = parser ?? FeedParser.Default;

    /// <summary>The paths tried, in order, when a page announces no readable feed.</summary>
    public static IReadOnlyList<string> WellKnownPaths { get; } = ["/feed", "/rss", "/atom.xml", "/feed.xml", "/rss.xml", "/index.xml", "/feed/"];

    /// <summary>Discovers the feeds behind <paramref name="url"/>, a feed's or any web page's address.</summary>
    /// <exception cref="FetchException"><paramref name="url"/> itself could not be fetched (refused, unreachable, too large…).</exception>
    public async Task<DiscoveryResult> DiscoverAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var page = await fetcher.FetchAsync(url, cancellationToken: cancellationToken);
        var problems = new List<DiscoveryProblem>();
        IReadOnlyList<FeedLink> links = [];
        if (page.IsSuccess)
        {
            if (TryParse(page, out var feed, out _))
            {
                return new DiscoveryResult(url, [Discovered(url, null, page, feed)], problems, null);
            }
            links = FeedLinkExtractor.Extract(page.Body, page.ContentType, page.FinalUrl);
            var feeds = new List<DiscoveredFeed>();
            foreach (var link in links)
            {
                if (await TryCandidateAsync(link.Url, link.Title, problems, cancellationToken) is { } found)
                {
                    feeds.Add(found);
                }
            }
            if (feeds.Count > 0)
            {
                return new DiscoveryResult(url, feeds, problems, null);
            }
        }
        else
        {
            problems.Add(new DiscoveryProblem(url, page.Description));
        }
        var origin = new Uri(page.FinalUrl.GetLeftPart(UriPartial.Authority));
        var tried = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri, page.FinalUrl.AbsoluteUri };
        foreach (var link in links)
        {
            tried.Add(link.Url.AbsoluteUri);
        }
        if (await TryWellKnownPathsAsync(origin, tried, problems, cancellationToken) is { } wellKnown)
        {
            return new DiscoveryResult(url, [wellKnown], problems, null);
        }
        return new DiscoveryResult(url, [], problems, NotFoundMessage(url, page, links.Count, origin));
    }

    private async Task<DiscoveredFeed?> TryWellKnownPathsAsync(Uri origin, HashSet<string> tried, List<DiscoveryProblem> problems, CancellationToken cancellationToken)
    {
        foreach (var path in WellKnownPaths)
        {
            var candidate = new Uri(origin, path);
            if (tried.Contains(candidate.AbsoluteUri))
            {
                continue;
            }
            FetchResult response;
            try
            {
                response = await fetcher.FetchAsync(candidate, cancellationToken: cancellationToken);
            }
            catch (FetchException e)
            {
                // The origin itself is failing (timeouts, resets): the other paths would fail the same way, slowly.
                problems.Add(new DiscoveryProblem(candidate, e.Message));
                return null;
            }
            if (response.IsSuccess && TryParse(response, out var feed, out _))
            {
                return Discovered(candidate, null, response, feed);
            }
        }
        return null;
    }

    private async Task<DiscoveredFeed?> TryCandidateAsync(Uri url, string? title, List<DiscoveryProblem> problems, CancellationToken cancellationToken)
    {
        FetchResult response;
        try
        {
            response = await fetcher.FetchAsync(url, cancellationToken: cancellationToken);
        }
        catch (FetchException e)
        {
            problems.Add(new DiscoveryProblem(url, e.Message));
            return null;
        }
        if (!response.IsSuccess)
        {
            problems.Add(new DiscoveryProblem(url, $"{UrlText.Redact(url)}: {response.Description}"));
            return null;
        }
        if (!TryParse(response, out var feed, out var error))
        {
            problems.Add(new DiscoveryProblem(url, $"{UrlText.Redact(url)} is not a feed Inertia can read: {error}."));
            return null;
        }
        return Discovered(url, title, response, feed);
    }

    private bool TryParse(FetchResult response, [NotNullWhen(true)] out Feed? feed, [NotNullWhen(false)] out string? error)
    {
        try
        {
            feed = _parser.Parse(response.Body.Span, response.ContentType, response.FinalUrl);
            error = null;
            return true;
        }
        catch (FeedParseException e)
        {
            feed = null;
            error = e.Message;
            return false;
        }
    }

    private static DiscoveredFeed Discovered(Uri url, string? title, FetchResult response, Feed feed) =>
        new(response.IsPermanentRedirect ? response.FinalUrl : url, title ?? feed.Title, feed.Format, feed, response);

    private static string NotFoundMessage(Uri url, FetchResult page, int linkCount, Uri origin)
    {
        var usual = $"the usual feed addresses on {origin.GetLeftPart(UriPartial.Authority)} ({string.Join(", ", WellKnownPaths)})";
        if (!page.IsSuccess)
        {
            return $"No feed found at {UrlText.Redact(url)}. {page.Description} None of {usual} serves one either.";
        }
        return linkCount == 0
            ? $"No feed found at {UrlText.Redact(url)}: the page links to no feed, and none of {usual} serves one."
            : $"No feed found at {UrlText.Redact(url)}: the page links to {linkCount} feed{(linkCount == 1 ? "" : "s")}, but none could be read, and none of {usual} serves one.";
    }
}
