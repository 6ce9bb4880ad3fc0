using Inertia.Feeds;

namespace Inertia.Fetching;

/// <summary>A feed found by <see cref="FeedDiscovery"/>, fetched and parsed.</summary>
/// <param name="Url">
/// The address to subscribe to: the address linked or given, or where it permanently redirected to
/// (a temporary redirect keeps the original address).
/// </param>
/// <param name="Title">The title the page's link gave the feed, else the feed's own title.</param>
/// <param name="Format">The feed's dialect, as read from its content.</param>
/// <param name="Feed">The parsed feed.</param>
/// <param name="Response">The fetch that produced it, with its validators for the first conditional GET.</param>
internal sealed record DiscoveredFeed(Uri Url, string? Title, FeedFormat Format, Feed Feed, FetchResult Response);
