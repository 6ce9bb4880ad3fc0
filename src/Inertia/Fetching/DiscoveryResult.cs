namespace Inertia.Fetching;

/// <summary>What <see cref="FeedDiscovery"/> found behind an address.</summary>
/// <param name="Url">The address discovery started from.</param>
/// <param name="Feeds">The feeds found, in the order the page listed them; one for a direct feed address.</param>
/// <param name="Problems">Candidates that gave no feed (unreachable, refused, not a feed), for the user to see.</param>
/// <param name="Message">When no feed was found, why, in plain English; otherwise null.</param>
internal sealed record DiscoveryResult(Uri Url, IReadOnlyList<DiscoveredFeed> Feeds, IReadOnlyList<DiscoveryProblem> Problems, string? Message)
{
    /// <summary>Whether at least one feed was found.</summary>
    public bool Found => Feeds.Count > 0;
}
