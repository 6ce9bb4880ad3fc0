using System.Globalization;
using Inertia.Catalog;
using Inertia.Storage.Public;
using Inertia.Web.Localization;
using Inertia.Web.Public;

namespace Inertia.FeedsOut;

/// <summary>
/// The recommended-feeds directory as a feed: the newest articles of its public feeds together, at
/// <c>/directory.{rss|atom|json}</c>, narrowed by the directory page's own filters (<c>?category=&amp;language=&amp;q=</c>).
/// Anyone may read it; its titles are in the language the client asks for.
/// </summary>
internal sealed class DirectoryOutFeed(DirectoryStore directory)
{
    /// <summary>The feed's address for <paramref name="filter"/>, relative to the app: <c>directory.atom?category=Security</c>.</summary>
    public static string Path(OutFormat format, DirectoryFilter filter) => $"directory.{format.Extension()}{filter.ToQueryString()}";

    public async Task<OutFeed> BuildAsync(DirectoryFilter filter, string baseUrl, Translator t, CancellationToken cancellationToken)
    {
        var items = await directory.RecentPublicEntriesAsync(filter, OutEntryStore.Limit, cancellationToken);
        string?[] narrowed =
        [
            filter.Category is { Length: > 0 } category ? CatalogLabels.Category(t, category) : null,
            filter.Language is { Length: > 0 } language ? CatalogLabels.Language(t, language) : null,
            filter.NameContains is { Length: > 0 } text ? $"“{text}”" : null,
        ];
        var title = t["Recommended feeds"];
        if (narrowed.Any(part => part is not null))
        {
            title += ": " + string.Join(" · ", narrowed.OfType<string>());
        }
        var page = baseUrl + "directory" + filter.ToQueryString();
        return new OutFeed
        {
            Id = page,
            Title = title,
            Description = t["The newest articles of the feeds recommended on this server."],
            HomeUrl = page,
            Author = "Inertia",
            // From the data, never the clock: the same entries give the same bytes, and so the same ETag.
            Updated = items.Select(e => e.ChangedAt).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max(),
            // The filter comes from the address: only a real language code becomes the feed's language.
            Language = filter.Language is { } code && CatalogSource.IsLanguageCode(code) ? code : null,
            Items = items.Select(e =>
            {
                // The public article page is the item's permanent address, and its link when the entry has none.
                var publicPage = baseUrl + string.Create(CultureInfo.InvariantCulture, $"a/{e.EntryId}");
                return OutItem.Of(e, publicPage, e.Url ?? publicPage);
            }).ToList(),
        };
    }
}
