namespace Inertia.Feeds;

/// <summary>Why a document could not be read as a feed at all.</summary>
public enum FeedParseError
{
    /// <summary>The document is empty or only whitespace.</summary>
    Empty,
    /// <summary>The document is readable but is not a feed (an HTML page, another XML vocabulary, JSON of another shape).</summary>
    NotAFeed,
    /// <summary>The document is so broken that no feed element could be found.</summary>
    Malformed,
    /// <summary>The document is larger than <see cref="FeedParserOptions.MaxInputBytes"/>.</summary>
    TooLarge,
    /// <summary>Entity references would expand beyond <see cref="FeedParserOptions.MaxEntityExpansion"/> (a "billion laughs" document).</summary>
    EntityExpansion,
    /// <summary>Elements nest deeper than <see cref="FeedParserOptions.MaxDepth"/>.</summary>
    TooDeep,
}

/// <summary>Thrown when nothing useful can be read from a document; the message says what is wrong and where.</summary>
public sealed class FeedParseException : Exception
{
    /// <summary>Creates an exception for <paramref name="error"/>, at a place in the document when there is one.</summary>
    public FeedParseException(FeedParseError error, string message, int? line = null, int? column = null)
        : base(line is null ? message : $"{message} (line {line}, column {column ?? 1})")
    {
        Error = error;
        Line = line;
        Column = column;
    }

    /// <summary>The kind of failure, for callers that react differently to each (a fetcher reports "too large" differently from "not a feed").</summary>
    public FeedParseError Error { get; }

    /// <summary>1-based line of the problem in the decoded document, when it has a place.</summary>
    public int? Line { get; }

    /// <summary>1-based column of the problem.</summary>
    public int? Column { get; }
}
