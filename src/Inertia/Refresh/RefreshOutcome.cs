namespace Inertia.Refresh;

/// <summary>The result of refreshing one feed, for progress displays and logs.</summary>
internal sealed record RefreshOutcome(long FeedId, string Url, RefreshResult Result, int NewEntries, int UpdatedEntries, string? Error, DateTimeOffset NextCheckAt)
{
    /// <summary>How long the readers' rules took on the new entries (docs/rules.md).</summary>
    public TimeSpan InRules { get; init; }
}
