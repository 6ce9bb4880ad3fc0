using System.Globalization;
using Inertia.Search;
using Inertia.Storage.Accounts;
using Inertia.Storage.Public;
using Inertia.Storage.SavedSearches;
using Inertia.Storage.Subscriptions;
using Inertia.Web.Localization;

namespace Inertia.FeedsOut;

/// <summary>
/// A user's private feeds — each folder, each saved search and the starred list — as <see cref="OutFeed"/>s, and their
/// addresses: <c>/out/{user}/{token}/starred.{rss|atom|json}</c>, <c>/out/{user}/{token}/folders/{id}.{rss|atom|json}</c>
/// and <c>/out/{user}/{token}/searches/{id}.{rss|atom|json}</c>.
/// Titles and descriptions are in the user's language.
/// </summary>
internal sealed class PrivateFeeds(OutEntryStore entries, SearchStore search)
{
    public static string StarredPath(long userId, string token, OutFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"out/{userId}/{token}/starred.{format.Extension()}");

    public static string FolderPath(long userId, string token, long folderId, OutFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"out/{userId}/{token}/folders/{folderId}.{format.Extension()}");

    public static string SearchPath(long userId, string token, long searchId, OutFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"out/{userId}/{token}/searches/{searchId}.{format.Extension()}");

    /// <summary>The user's starred entries, most recently starred first.</summary>
    public async Task<OutFeed> StarredAsync(User user, string baseUrl, CancellationToken cancellationToken)
    {
        var t = TranslatorFor(user);
        var items = await entries.StarredAsync(user.Id, cancellationToken);
        return Build(user, baseUrl, "starred", t["Starred by {0}", user.Username], t["The articles {0} starred in Inertia.", user.Username], items,
            // Starring an old article changes the feed as much as a new article does.
            items.Select(e => e.StarredAt ?? e.ChangedAt));
    }

    /// <summary>The newest entries of one of the user's folders.</summary>
    public async Task<OutFeed> FolderAsync(User user, Folder folder, string baseUrl, CancellationToken cancellationToken)
    {
        var t = TranslatorFor(user);
        var items = await entries.FolderAsync(user.Id, folder.Id, cancellationToken);
        return Build(user, baseUrl, string.Create(CultureInfo.InvariantCulture, $"folders/{folder.Id}"), folder.Title,
            t["The newest articles of the folder “{0}”, gathered by {1} in Inertia.", folder.Title, user.Username], items, []);
    }

    /// <summary>
    /// The newest entries that match one of the user's saved searches (its query read now, in the user's time zone); a
    /// query that can no longer be read gives an empty feed.
    /// </summary>
    public async Task<OutFeed> SearchAsync(User user, SavedSearch saved, string baseUrl, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var t = TranslatorFor(user);
        IReadOnlyList<OutEntry> items = [];
        try
        {
            var query = SearchQuery.Parse(saved.Query, now, user.Settings.Zone);
            var results = await search.SearchAsync(user.Id, new SearchRequest(query) { Limit = OutEntryStore.Limit }, cancellationToken);
            items = await entries.OfEntriesAsync(user.Id, results.Hits.Select(h => h.Entry.EntryId).ToList(), cancellationToken);
        }
        catch (SearchQueryException)
        {
        }
        return Build(user, baseUrl, string.Create(CultureInfo.InvariantCulture, $"search/{saved.Id}"), saved.Name,
            t["The newest articles matching “{0}”, searched by {1} in Inertia.", saved.Query, user.Username], items, []);
    }

    /// <summary>The feed of the reader's page <paramref name="homePath"/> (under <paramref name="baseUrl"/>, which ends with a slash).</summary>
    private static OutFeed Build(User user, string baseUrl, string homePath, string title, string description, IReadOnlyList<OutEntry> items, IEnumerable<DateTimeOffset> otherChanges) =>
        new()
        {
            Id = baseUrl + homePath,
            Title = title,
            Description = description,
            HomeUrl = baseUrl + homePath,
            Author = user.Username,
            // From the data, never the clock: the same entries give the same bytes, and so the same ETag.
            Updated = items.Select(e => e.ChangedAt).Concat(otherChanges).DefaultIfEmpty(user.CreatedAt).Max(),
            Language = user.Settings.Language,
            Items = items.Select(e => OutItem.Of(e, baseUrl + string.Create(CultureInfo.InvariantCulture, $"entries/{e.EntryId}"), e.Url)).ToList(),
        };

    private static Translator TranslatorFor(User user) => new(UiLanguage.Find(user.Settings.Language) ?? UiLanguage.English);
}
