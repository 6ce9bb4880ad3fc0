using Microsoft.AspNetCore.WebUtilities;

namespace Inertia.Fetching;

/// <summary>HTTP statuses in plain English, as the UI shows them next to a feed.</summary>
internal static class StatusDescriptions
{
    /// <summary>A sentence such as "The server answered 404 Not Found: the feed is not at this address any more."</summary>
    public static string Describe(int statusCode)
    {
        var reason = ReasonPhrases.GetReasonPhrase(statusCode);
        var status = reason.Length == 0 ? $"{statusCode}" : $"{statusCode} {reason}";
        return statusCode switch
        {
            >= 200 and <= 299 => $"The server answered {status}.",
            304 => $"The server answered {status}: the feed has not changed since the last fetch.",
            >= 300 and <= 399 => $"The server answered {status}: it redirected without saying where to.",
            400 => $"The server answered {status}: it did not accept Inertia's request.",
            401 => $"The server answered {status}: the feed needs a user name and password.",
            403 => $"The server answered {status}: it refuses to give the feed to Inertia.",
            404 => $"The server answered {status}: the feed is not at this address any more.",
            410 => $"The server answered {status}: the feed has been removed for good.",
            429 => $"The server answered {status}: it asks Inertia to slow down and come back later.",
            >= 400 and <= 499 => $"The server answered {status}: it refused the request.",
            502 or 504 => $"The server answered {status}: the site's gateway could not reach the site.",
            503 => $"The server answered {status}: the site is unavailable for now.",
            >= 500 and <= 599 => $"The server answered {status}: the site has a problem on its side.",
            _ => $"The server answered {status}, which is not a status Inertia understands.",
        };
    }
}
