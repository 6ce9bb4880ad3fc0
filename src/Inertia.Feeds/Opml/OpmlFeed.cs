namespace Inertia.Feeds.Opml;

/// <summary>One subscription of an OPML file.</summary>
/// <param name="FeedUrl">The feed's address (<c>xmlUrl</c>), absolute.</param>
/// <param name="Title">The title the subscriber gave it (<c>title</c>, else <c>text</c>).</param>
/// <param name="SiteUrl">The site's address (<c>htmlUrl</c>).</param>
/// <param name="Folder">The folder it is filed in: the nearest enclosing outline, else the <c>category</c> attribute.</param>
public sealed record OpmlFeed(string FeedUrl, string? Title, string? SiteUrl, string? Folder);
