namespace Inertia.Fetching;

/// <summary>
/// The answer to a fetch: any HTTP status, success or not. A body is read only for a 2xx status; for 304 and
/// errors it is empty.
/// </summary>
internal sealed record FetchResult
{
    /// <summary>The URL asked for.</summary>
    public required Uri RequestedUrl { get; init; }

    /// <summary>The URL that answered, after redirects.</summary>
    public required Uri FinalUrl { get; init; }

    /// <summary>The HTTP status of the final answer.</summary>
    public required int StatusCode { get; init; }

    /// <summary>How many redirects were followed.</summary>
    public int RedirectCount { get; init; }

    /// <summary>
    /// True when at least one redirect was followed and every one was permanent (301 or 308). Only then may the
    /// caller replace a stored feed URL with <see cref="FinalUrl"/>, and only once that URL has served a valid feed.
    /// </summary>
    public bool IsPermanentRedirect { get; init; }

    /// <summary>The body, decompressed, at most <see cref="FetchOptions.MaxBodyBytes"/> long; empty unless the status is 2xx.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The SHA-256 of <see cref="Body"/> as lower-case hex, when a body was read; equal hashes mean an identical body.</summary>
    public string? BodySha256 { get; init; }

    /// <summary>The <c>Content-Type</c> header as sent, charset included.</summary>
    public string? ContentType { get; init; }

    /// <summary>The <c>ETag</c> header as sent, for the next conditional GET.</summary>
    public string? ETag { get; init; }

    /// <summary>The <c>Last-Modified</c> header as sent, for the next conditional GET.</summary>
    public string? LastModified { get; init; }

    /// <summary>
    /// How long the server asks to wait before trying again: its <c>Retry-After</c> header, as sent with 429 and 503,
    /// in seconds or as a date measured against the server's own <c>Date</c>; never negative.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The <c>Cache-Control: max-age</c> the server allows.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>The status in plain English, fit for the UI, e.g. "The server answered 404 Not Found: the feed is not at this address any more."</summary>
    public required string Description { get; init; }

    /// <summary>Whether the status is 2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and <= 299;

    /// <summary>Whether the server said 304: nothing changed since the validators sent.</summary>
    public bool IsNotModified => StatusCode == 304;

    /// <summary>Whether the server said 410: the feed is gone for good.</summary>
    public bool IsGone => StatusCode == 410;
}
