namespace Inertia.Fetching;

/// <summary>A feed a web page announces with <c>&lt;link rel="alternate"&gt;</c>.</summary>
/// <param name="Url">The feed's address, resolved against the page and its <c>&lt;base href&gt;</c>.</param>
/// <param name="Title">The link's <c>title</c>, when it has one.</param>
/// <param name="MediaType">The link's <c>type</c>, lower-case and without parameters, e.g. <c>application/rss+xml</c>.</param>
internal sealed record FeedLink(Uri Url, string? Title, string MediaType);
