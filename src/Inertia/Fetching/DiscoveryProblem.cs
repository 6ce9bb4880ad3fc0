namespace Inertia.Fetching;

/// <summary>A candidate address discovery tried that gave no feed, and why, in plain English.</summary>
internal sealed record DiscoveryProblem(Uri Url, string Message);
