using System.Globalization;
using Inertia.Storage.Entries;

namespace Inertia.Web.Api.Miniflux;

/// <summary>
/// Reads Miniflux's entry filters from a query string: <c>status</c> (repeatable), <c>starred</c>,
/// <c>feed_id</c>, <c>category_id</c>, <c>after</c>/<c>before</c> and <c>published_after</c>/<c>published_before</c>
/// (Unix seconds), <c>after_entry_id</c>/<c>before_entry_id</c>, <c>search</c>, <c>order</c>, <c>direction</c>,
/// <c>limit</c> (default 100, 0 for all) and <c>offset</c>.
/// </summary>
internal static class EntryFilterQuery
{
    public const int DefaultLimit = 100;

    private static readonly Dictionary<string, EntryOrder> Orders = new(StringComparer.Ordinal)
    {
        ["id"] = EntryOrder.Id,
        ["status"] = EntryOrder.Status,
        ["published_at"] = EntryOrder.PublishedAt,
        ["created_at"] = EntryOrder.CreatedAt,
        ["changed_at"] = EntryOrder.ChangedAt,
        ["category_id"] = EntryOrder.CategoryId,
        ["category_title"] = EntryOrder.CategoryTitle,
        ["title"] = EntryOrder.Title,
    };

    /// <summary>The filter and the search's text (the caller compiles it for the user), or the message of a 400 when a parameter is wrong.</summary>
    public static (EntryFilter? Filter, string? Search, string? Error) Parse(IQueryCollection query)
    {
        var filter = new EntryFilter();
        var statuses = query["status"].Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList();
        if (statuses.FirstOrDefault(s => s is not ("read" or "unread" or "removed")) is { } bad)
        {
            return (null, null, $"Invalid entry status \"{bad}\": use \"read\", \"unread\" or \"removed\".");
        }
        // Inertia removes no entry, so "removed" alone selects nothing and beside others adds nothing.
        var read = statuses.Contains("read");
        var unread = statuses.Contains("unread");
        filter = filter with { Nothing = statuses.Count > 0 && !read && !unread, Read = read == unread ? null : read };

        if (query.ContainsKey("starred"))
        {
            bool? starred = query["starred"].ToString().ToLowerInvariant() switch
            {
                "1" or "true" or "t" => true,
                "0" or "false" or "f" => false,
                _ => null,
            };
            if (starred is null)
            {
                // Ignoring it would answer a different list than the one asked for.
                return (null, null, $"Invalid starred value \"{query["starred"]}\": use \"true\" or \"false\".");
            }
            filter = filter with { Starred = starred };
        }
        var order = query["order"].ToString();
        if (order.Length > 0 && !Orders.ContainsKey(order))
        {
            return (null, null, "Invalid entry order: use one of " + string.Join(", ", Orders.Keys.Select(k => $"\"{k}\"")) + ".");
        }
        var direction = query["direction"].ToString();
        if (direction is not ("" or "asc" or "desc"))
        {
            return (null, null, "Invalid direction: use \"asc\" or \"desc\".");
        }
        filter = filter with { Order = order.Length > 0 ? Orders[order] : EntryOrder.PublishedAt, Descending = direction == "desc" };

        string? invalid = null;
        long Number(string name, long fallback)
        {
            var text = query[name].ToString();
            if (text.Length == 0)
            {
                return fallback;
            }
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
            invalid ??= $"{name} must be a whole number, not \"{text}\".";
            return fallback;
        }
        var limit = Number("limit", DefaultLimit);
        var offset = Number("offset", 0);
        var after = Number("after", 0);
        var before = Number("before", 0);
        var publishedAfter = Number("published_after", after);
        var publishedBefore = Number("published_before", before);
        var afterEntry = Number("after_entry_id", 0);
        var beforeEntry = Number("before_entry_id", 0);
        var feedId = Number("feed_id", 0);
        var categoryId = Number("category_id", 0);
        if (invalid is not null)
        {
            return (null, null, invalid);
        }
        if (limit < 0 || offset < 0)
        {
            return (null, null, "limit and offset must be 0 or more.");
        }
        if (limit > int.MaxValue || offset > int.MaxValue)
        {
            return (null, null, "limit and offset are too large.");
        }
        filter = filter with
        {
            Limit = limit == 0 ? null : (int)limit,
            Offset = (int)offset,
            PublishedAfter = publishedAfter > 0 ? Seconds(publishedAfter) : null,
            PublishedBefore = publishedBefore > 0 ? Seconds(publishedBefore) : null,
            AfterEntryId = afterEntry > 0 ? afterEntry : null,
            BeforeEntryId = beforeEntry > 0 ? beforeEntry : null,
            FeedId = feedId > 0 ? feedId : null,
            FolderId = categoryId > 0 ? categoryId : null,
        };
        return (filter, query["search"].ToString() is { } search && !string.IsNullOrWhiteSpace(search) ? search.Trim() : null, null);
    }

    private static DateTimeOffset Seconds(long unix) => DateTimeOffset.FromUnixTimeSeconds(Math.Min(unix, 253_402_300_799));
}
