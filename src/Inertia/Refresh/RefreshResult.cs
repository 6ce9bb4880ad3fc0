namespace Inertia.Refresh;

/// <summary>What one fetch of a feed came to.</summary>
internal enum RefreshResult
{
    /// <summary>The feed was read and merged.</summary>
    Updated,
    /// <summary>The server said 304 Not Modified.</summary>
    NotModified,
    /// <summary>The body was byte-for-byte the same as last time, so it was not parsed again.</summary>
    Unchanged,
    /// <summary>The fetch or the parse failed; the feed will be retried later.</summary>
    Failed,
    /// <summary>The server said 410 Gone; the feed is no longer fetched.</summary>
    Gone,
    /// <summary>Another worker took over the claim (it had expired); nothing was written.</summary>
    LostClaim,
}
