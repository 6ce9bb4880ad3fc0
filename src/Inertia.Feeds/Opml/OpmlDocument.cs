namespace Inertia.Feeds.Opml;

/// <summary>A subscription list read from OPML.</summary>
/// <param name="Title">The document's title.</param>
/// <param name="Feeds">Every subscription, in document order, without repeats of the same feed URL.</param>
/// <param name="Warnings">What was repaired or left out while reading.</param>
public sealed record OpmlDocument(string? Title, IReadOnlyList<OpmlFeed> Feeds, IReadOnlyList<FeedWarning> Warnings);
