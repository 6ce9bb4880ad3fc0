namespace Inertia.Fetching;

/// <summary>
/// A refusal or failure inside the connect callback. A pooled connection may be opened on behalf of any request
/// to the same host, so the message is only written once the request it is reported to is known.
/// </summary>
internal sealed class ConnectionAttemptException(Func<Uri, FetchException> describe, Exception? innerException = null)
    : Exception("The connection attempt failed.", innerException)
{
    /// <summary>The failure, worded for <paramref name="url"/>.</summary>
    public FetchException ForUrl(Uri url) => describe(url);
}
