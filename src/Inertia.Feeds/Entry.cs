namespace Inertia.Feeds;

/// <summary>One article of a feed, normalized from whichever dialect carried it.</summary>
public sealed record Entry
{
    /// <summary>
    /// The entry's identity within its feed, stable across fetches: the document's own id
    /// (RSS <c>guid</c>, Atom <c>id</c>, RSS 1.0 <c>rdf:about</c>, JSON Feed <c>id</c>), else its link,
    /// else <c>sha256:</c> and a hash of its title and content. See <c>docs/parser.md</c>.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>The title as plain text (markup removed, entities decoded, whitespace collapsed).</summary>
    public string? Title { get; init; }

    /// <summary>The article's own page, absolute.</summary>
    public string? Link { get; init; }

    /// <summary>Authors, in document order, without duplicates.</summary>
    public IReadOnlyList<Person> Authors { get; init; } = [];

    /// <summary>When the entry was first published, in UTC.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>When the entry was last changed, in UTC.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>A short description as HTML (sanitized unless sanitizing was turned off).</summary>
    public string? Summary { get; init; }

    /// <summary>The full content as HTML (sanitized unless sanitizing was turned off).</summary>
    public string? Content { get; init; }

    /// <summary>Categories and tags as plain text, without duplicates.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Attached media files, without duplicate URLs.</summary>
    public IReadOnlyList<Enclosure> Enclosures { get; init; } = [];

    /// <summary>The page where the entry's comments are read (RSS <c>comments</c>, Atom <c>rel="replies"</c> to HTML).</summary>
    public string? CommentsUrl { get; init; }

    /// <summary>A feed of the entry's comments (<c>wfw:commentRss</c>, Atom <c>rel="replies"</c> to a feed).</summary>
    public string? CommentsFeedUrl { get; init; }

    /// <summary>The number of comments (<c>slash:comments</c>, <c>thr:total</c>).</summary>
    public int? CommentCount { get; init; }

    /// <summary>A representative image (Media RSS thumbnail, iTunes image, JSON Feed image), absolute.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>The language of the entry, when it differs from or refines the feed's (<c>xml:lang</c>, <c>dc:language</c>).</summary>
    public string? Language { get; init; }
}
