namespace Inertia.Feeds;

/// <summary>The dialect a feed document was written in, as sniffed from its content.</summary>
public enum FeedFormat
{
    /// <summary>RSS 0.90 (Netscape's RDF-based original).</summary>
    Rss090,
    /// <summary>RSS 0.91 (Netscape or UserLand).</summary>
    Rss091,
    /// <summary>RSS 0.92.</summary>
    Rss092,
    /// <summary>RSS 0.93.</summary>
    Rss093,
    /// <summary>RSS 0.94.</summary>
    Rss094,
    /// <summary>RSS 1.0 (RDF Site Summary).</summary>
    Rss10,
    /// <summary>RSS 2.0, also used for RSS documents without a version.</summary>
    Rss20,
    /// <summary>Atom 0.3 (pre-standard).</summary>
    Atom03,
    /// <summary>Atom 1.0 (RFC 4287).</summary>
    Atom10,
    /// <summary>JSON Feed 1.0.</summary>
    Json10,
    /// <summary>JSON Feed 1.1.</summary>
    Json11,
}

/// <summary>The names of <see cref="FeedFormat"/> values in the <c>inertia parse --json</c> contract.</summary>
public static class FeedFormatNames
{
    /// <summary>The contract's name for a format, e.g. <c>rss2.0</c> or <c>atom1.0</c>.</summary>
    public static string ToContractName(this FeedFormat format) => format switch
    {
        FeedFormat.Rss090 => "rss0.90",
        FeedFormat.Rss091 => "rss0.91",
        FeedFormat.Rss092 => "rss0.92",
        FeedFormat.Rss093 => "rss0.93",
        FeedFormat.Rss094 => "rss0.94",
        FeedFormat.Rss10 => "rss1.0",
        FeedFormat.Rss20 => "rss2.0",
        FeedFormat.Atom03 => "atom0.3",
        FeedFormat.Atom10 => "atom1.0",
        FeedFormat.Json10 => "json1.0",
        FeedFormat.Json11 => "json1.1",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
