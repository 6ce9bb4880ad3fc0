namespace Inertia.Refresh;

/// <summary>The result of refreshing one feed, for progress displays and logs.</summary>
internal sealed record RefreshOutcome(long FeedId, string Url, RefreshResult Result, int NewEntries, int UpdatedEntries, string? Error, DateTimeOffset NextCheckAt);
