using Inertia.Search;
using Inertia.Storage.Accounts;
using Inertia.Storage.Entries;
using Inertia.Storage.Labels;
using Inertia.Storage.SavedSearches;
using Inertia.Storage.Subscriptions;

namespace Inertia.Web.Reading;

/// <summary>The reader's navigation: the views with their counts, the folders with theirs, the feeds shown open, saved searches with their unread counts, and the reader's labels.</summary>
internal sealed record Sidebar(
    IReadOnlyList<SidebarFolder> Folders,
    IReadOnlyList<SubscriptionSummary> Unfiled,
    long FeedCount,
    long Unread,
    long Starred,
    long UnreadToday,
    IReadOnlyList<SidebarSearch> Searches,
    IReadOnlyList<EntryLabel> Labels)
{
    /// <summary>
    /// Reads the sidebar of <paramref name="user"/> with <paramref name="openFolder"/>'s feeds listed: a few small
    /// queries, the unread and starred counts being kept by the database.
    /// </summary>
    public static async Task<Sidebar> LoadAsync(IServiceProvider services, User user, long? openFolder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscriptions = services.GetRequiredService<SubscriptionStore>();
        var counts = await subscriptions.CountsByFolderAsync(user.Id, cancellationToken);
        var folders = await services.GetRequiredService<FolderStore>().ListAsync(user.Id, cancellationToken);
        var feeds = await subscriptions.SummariesAsync(user.Id, unfiled: true, openFolder, cancellationToken);
        var today = await services.GetRequiredService<EntryStore>().CountUnreadSinceAsync(user.Id, ListRef.StartOfDay(now, user.Settings.Zone), cancellationToken);
        var labels = await services.GetRequiredService<LabelStore>().ListAsync(user.Id, cancellationToken);
        var searches = new List<SidebarSearch>();
        foreach (var saved in await services.GetRequiredService<SavedSearchStore>().ListAsync(user.Id, cancellationToken))
        {
            searches.Add(await CountAsync(services.GetRequiredService<SearchStore>(), user, saved, now, cancellationToken));
        }
        var byFolder = counts.Where(c => c.FolderId is not null).ToDictionary(c => c.FolderId!.Value);
        return new Sidebar(
            folders.Select(f => new SidebarFolder(
                f,
                byFolder.GetValueOrDefault(f.Id)?.Feeds ?? 0,
                byFolder.GetValueOrDefault(f.Id)?.Unread ?? 0,
                f.Id == openFolder ? feeds.Where(s => s.FolderId == f.Id).ToList() : null)).ToList(),
            feeds.Where(s => s.FolderId is null).ToList(),
            counts.Sum(c => c.Feeds),
            counts.Sum(c => c.Unread),
            counts.Sum(c => c.Starred),
            today,
            searches,
            labels);
    }

    private static async Task<SidebarSearch> CountAsync(SearchStore search, User user, SavedSearch saved, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var count = await search.CountUnreadAsync(user.Id, SearchQuery.Parse(saved.Query, now, user.Settings.Zone), cancellationToken);
            return new SidebarSearch(saved, count?.Count, count?.LowerBound ?? false);
        }
        catch (SearchQueryException)
        {
            return new SidebarSearch(saved, null, false);
        }
    }

    /// <summary>Whether the user follows no feed yet (the reader then shows how to start).</summary>
    public bool IsEmpty => FeedCount == 0;
}
