namespace Inertia.Feeds.Html;

/// <summary>
/// Rewrites a srcset: each candidate's URL goes through <see cref="SafeUrls"/> (http and https only) and its
/// descriptor must be a plain width, density or height ("640w", "1.5x"); other candidates are left out.
/// Candidates are split as the HTML spec does: a URL is a run of non-whitespace, trailing commas excluded.
/// </summary>
internal static class SafeSrcset
{
    /// <summary>Appends the safe candidates; returns false, having appended nothing, when none is left.</summary>
    public static bool TryAppend(ReadOnlySpan<char> srcset, Uri? baseUri, CharBuffer output)
    {
        var start = output.Length;
        var rest = srcset;
        while (true)
        {
            rest = rest.TrimStart(" \t\n\r\f,");
            if (rest.IsEmpty)
            {
                break;
            }
            var urlEnd = rest.IndexOfAny(" \t\n\r\f");
            var url = urlEnd < 0 ? rest : rest[..urlEnd];
            rest = rest[url.Length..];
            ReadOnlySpan<char> descriptor = default;
            if (url[^1] == ',')
            {
                url = url.TrimEnd(',');
            }
            else
            {
                var comma = rest.IndexOf(',');
                descriptor = (comma < 0 ? rest : rest[..comma]).Trim(" \t\n\r\f");
                rest = comma < 0 ? default : rest[(comma + 1)..];
            }
            if (!IsDescriptor(descriptor))
            {
                continue;
            }
            var candidateStart = output.Length;
            if (candidateStart > start)
            {
                output.Append(", ");
            }
            if (!SafeUrls.TryAppend(url, UrlUse.Resource, baseUri, output))
            {
                output.Length = candidateStart;
                continue;
            }
            if (!descriptor.IsEmpty)
            {
                output.Append(' ');
                output.Append(descriptor);
            }
        }
        return output.Length > start;
    }

    /// <summary>Empty, or digits with an optional fraction followed by w, x or h.</summary>
    private static bool IsDescriptor(ReadOnlySpan<char> descriptor)
    {
        if (descriptor.IsEmpty)
        {
            return true;
        }
        if (descriptor.Length < 2 || descriptor[^1] is not ('w' or 'x' or 'h'))
        {
            return false;
        }
        var number = descriptor[..^1];
        var dot = number.IndexOf('.');
        var whole = dot < 0 ? number : number[..dot];
        var fraction = dot < 0 ? default : number[(dot + 1)..];
        return !whole.IsEmpty && !whole.ContainsAnyExceptInRange('0', '9') && (dot < 0 || (!fraction.IsEmpty && !fraction.ContainsAnyExceptInRange('0', '9')));
    }
}
