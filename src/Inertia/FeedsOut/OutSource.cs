namespace Inertia.FeedsOut;

/// <summary>The feed an item came from: its title, its address and its site's.</summary>
internal sealed record OutSource(string Title, string FeedUrl, string? SiteUrl);
