using System.Globalization;
using Inertia.Storage.Entries;
using Inertia.Storage.Sync;

namespace Inertia.Web.Api.GoogleReader;

/// <summary>
/// A stream request's parameters read into a <see cref="SyncFilter"/>: the stream, <c>n</c>, <c>r=o</c>,
/// <c>ot</c>/<c>nt</c> (seconds, publication time), <c>xt</c>/<c>it</c> (exclude or include read and starred),
/// and <c>c</c>, the continuation a previous page gave.
/// </summary>
internal sealed record StreamRequest(string StreamText, SyncFilter Filter, int Count)
{
    /// <summary>Reads the request; null with a message when something cannot be read.</summary>
    public static (StreamRequest? Request, string? Problem) Read(ApiForm form, string? streamText, int defaultCount, int maxCount)
    {
        var text = string.IsNullOrWhiteSpace(streamText) ? form["s"] ?? StreamId.ReadingListId : streamText;
        if (!StreamId.TryParse(text, out var stream))
        {
            return (null, $"Unknown stream \"{text}\".");
        }
        var filter = stream.Kind switch
        {
            StreamKind.Starred => new SyncFilter { Starred = true },
            StreamKind.Read => new SyncFilter { Read = true },
            StreamKind.Feed => new SyncFilter { FeedId = stream.FeedId },
            StreamKind.Label => new SyncFilter { FolderTitle = stream.Label },
            _ => new SyncFilter(),
        };
        var count = defaultCount;
        if (form["n"] is { } n && (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1))
        {
            return (null, "n must be a positive number.");
        }
        filter = filter with { OldestFirst = form["r"] == "o" };
        if (form["ot"] is { Length: > 0 } ot)
        {
            if (!long.TryParse(ot, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return (null, "ot must be a time in seconds.");
            }
            filter = filter with { PublishedFrom = seconds * 1000 };
        }
        if (form["nt"] is { Length: > 0 } nt)
        {
            if (!long.TryParse(nt, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return (null, "nt must be a time in seconds.");
            }
            filter = filter with { PublishedTo = seconds * 1000 + 999 };
        }
        foreach (var (name, include) in new[] { ("xt", false), ("it", true) })
        {
            foreach (var value in form.All(name))
            {
                if (!StreamId.TryParse(value, out var state))
                {
                    // Google states Inertia has no counterpart for (kept-unread…) change nothing; anything else
                    // is a mistake that would otherwise answer a different list than the one asked for.
                    if (!value.Contains("/state/com.google/", StringComparison.Ordinal))
                    {
                        return (null, $"{name} must be a stream id such as {StreamId.ReadId}, not \"{value}\".");
                    }
                    continue;
                }
                filter = state.Kind switch
                {
                    StreamKind.Read => filter with { Read = include },
                    StreamKind.Starred => filter with { Starred = include },
                    _ => filter,
                };
            }
        }
        if (form["c"] is { Length: > 0 } c)
        {
            if (!EntryCursor.TryParse(c, out var after))
            {
                return (null, "c is not a continuation this server gave.");
            }
            filter = filter with { After = after };
        }
        return (new StreamRequest(text, filter, Math.Min(count, maxCount)), null);
    }

    /// <summary>One page of the stream's ids, and the continuation when more follow.</summary>
    public async Task<(List<EntryCursor> Page, string? Continuation)> PageAsync(SyncStore store, long userId, CancellationToken cancellationToken)
    {
        var rows = await store.IdsAsync(userId, Filter, Count + 1, cancellationToken);
        if (rows.Count <= Count)
        {
            return (rows, null);
        }
        rows.RemoveAt(rows.Count - 1);
        return (rows, rows[^1].ToString());
    }
}
