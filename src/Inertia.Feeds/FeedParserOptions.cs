namespace Inertia.Feeds;

/// <summary>Limits and choices for <see cref="FeedParser"/>. The defaults suit untrusted input from the web.</summary>
public sealed record FeedParserOptions
{
    /// <summary>The default options.</summary>
    public static FeedParserOptions Default { get; } = new();

    /// <summary>The largest document accepted, in bytes; reading stops as soon as a stream goes past it. Default 20 MB.</summary>
    public long MaxInputBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>The deepest element nesting accepted. Default 512.</summary>
    public int MaxDepth { get; init; } = 512;

    /// <summary>
    /// The most characters that entities declared in a document's own DTD may expand to, in total.
    /// External entities are never resolved. Default 1,000,000.
    /// </summary>
    public long MaxEntityExpansion { get; init; } = 1_000_000;

    /// <summary>Whether summaries and contents are sanitized (and their URLs resolved). Default true; turn off only for trusted measurement.</summary>
    public bool SanitizeHtml { get; init; } = true;
}
