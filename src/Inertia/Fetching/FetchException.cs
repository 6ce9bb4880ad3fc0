namespace Inertia.Fetching;

/// <summary>
/// A fetch that produced no HTTP answer. <see cref="Exception.Message"/> is plain English, fit to show to users as is;
/// <see cref="Failure"/> tells callers what happened.
/// </summary>
internal sealed class FetchException : Exception
{
    /// <summary>Creates a failure of <paramref name="failure"/> while fetching <paramref name="url"/>.</summary>
    public FetchException(FetchFailure failure, Uri url, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        Url = url;
    }

    /// <summary>What went wrong.</summary>
    public FetchFailure Failure { get; }

    /// <summary>The URL being fetched when it went wrong (a redirect target when a redirect failed).</summary>
    public Uri Url { get; }
}
