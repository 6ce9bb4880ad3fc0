namespace Inertia.FeedsOut;

/// <summary>A feed Inertia publishes: what every format needs to say about it, and its items, newest first.</summary>
internal sealed record OutFeed
{
    /// <summary>A permanent address that identifies the feed whatever its URL (Atom's <c>id</c>).</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>The web page the feed is the feed of (RSS <c>link</c>, Atom <c>rel="alternate"</c>, JSON Feed <c>home_page_url</c>).</summary>
    public required string HomeUrl { get; init; }

    /// <summary>Who the feed is by, for Atom, which wants an author for entries that name none.</summary>
    public required string Author { get; init; }

    /// <summary>When the feed last changed. Taken from the data, never the clock, so that the same data gives the same bytes (and ETag).</summary>
    public required DateTimeOffset Updated { get; init; }

    /// <summary>A BCP 47 language tag, when the feed has one language.</summary>
    public string? Language { get; init; }

    public required IReadOnlyList<OutItem> Items { get; init; }
}
