namespace Inertia.Feeds;

/// <summary>A feed document, normalized: what any RSS, Atom or JSON Feed dialect said, in one shape.</summary>
public sealed record Feed
{
    /// <summary>The dialect the document was written in.</summary>
    public required FeedFormat Format { get; init; }

    /// <summary>The feed's title as plain text.</summary>
    public string? Title { get; init; }

    /// <summary>The site's home page, absolute.</summary>
    public string? Link { get; init; }

    /// <summary>Where the feed says it lives (RSS <c>atom:link rel="self"</c>, Atom <c>rel="self"</c>, JSON Feed <c>feed_url</c>), absolute.</summary>
    public string? FeedUrl { get; init; }

    /// <summary>WebSub hubs announced by the feed (<c>rel="hub"</c>).</summary>
    public IReadOnlyList<string> HubUrls { get; init; } = [];

    /// <summary>The subtitle or description as plain text.</summary>
    public string? Description { get; init; }

    /// <summary>The feed's language tag, as given (e.g. <c>zh-cn</c>).</summary>
    public string? Language { get; init; }

    /// <summary>When the feed was last changed, in UTC.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>When the feed's content was published, in UTC.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>The feed's authors or managing editors.</summary>
    public IReadOnlyList<Person> Authors { get; init; } = [];

    /// <summary>A large image or logo for the feed, absolute.</summary>
    public string? Image { get; init; }

    /// <summary>A small square icon for the feed (Atom <c>icon</c>, JSON Feed <c>favicon</c>), absolute.</summary>
    public string? Icon { get; init; }

    /// <summary>The software that produced the feed.</summary>
    public string? Generator { get; init; }

    /// <summary>Copyright or licence text, plain.</summary>
    public string? Rights { get; init; }

    /// <summary>The feed's own categories as plain text, without duplicates.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>How long the feed may be cached (RSS <c>ttl</c>).</summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>How often the publisher says the feed changes (<c>sy:updatePeriod</c> divided by <c>sy:updateFrequency</c>).</summary>
    public TimeSpan? UpdateInterval { get; init; }

    /// <summary>The entries, in document order.</summary>
    public IReadOnlyList<Entry> Entries { get; init; } = [];

    /// <summary>What the parser recovered from while reading the document.</summary>
    public IReadOnlyList<FeedWarning> Warnings { get; init; } = [];
}
