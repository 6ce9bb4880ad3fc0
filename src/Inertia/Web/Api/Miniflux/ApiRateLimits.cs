namespace Inertia.Web.Api.Miniflux;

/// <summary>
/// How many API requests one credential (a token, or one user's password) may make: a burst of
/// <see cref="Burst"/>, then <see cref="PerMinute"/> a minute. Generous for a client's sync, which asks for
/// many feeds at once, and still a ceiling for a runaway script.
/// </summary>
internal sealed record ApiRateLimits(int Burst = 600, int PerMinute = 300);
