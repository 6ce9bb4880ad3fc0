namespace Inertia.Storage.Feeds;

/// <summary>Who holds a feed for fetching, and for how long.</summary>
internal sealed record FeedClaim(string Owner, TimeSpan Lease);
