namespace Inertia.Fetching;

/// <summary>
/// What a previous fetch of the same feed returned, sent back for a conditional GET. The values are echoed exactly
/// as the server wrote them, because some servers compare them as strings.
/// </summary>
/// <param name="ETag">The previous <c>ETag</c>, sent as <c>If-None-Match</c>.</param>
/// <param name="LastModified">The previous <c>Last-Modified</c>, sent as <c>If-Modified-Since</c>.</param>
internal sealed record FetchValidators(string? ETag, string? LastModified)
{
    /// <summary>The validators a result carries, for the next fetch of the same feed.</summary>
    public static FetchValidators From(FetchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.ETag, result.LastModified);
    }
}
