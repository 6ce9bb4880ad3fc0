using Inertia.Storage;

namespace Inertia.Web.Reading;

/// <summary>The reader's navigation: the views with their counts, the folders and the feeds with their unread counts.</summary>
internal sealed record Sidebar(
    IReadOnlyList<SidebarFolder> Folders,
    IReadOnlyList<SubscriptionSummary> Unfiled,
    long Unread,
    long Starred,
    long UnreadToday)
{
    /// <summary>Reads the sidebar of <paramref name="user"/>: three small queries, the unread counts being kept by the database.</summary>
    public static async Task<Sidebar> LoadAsync(IServiceProvider services, User user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscriptions = await services.GetRequiredService<SubscriptionStore>().SummariesAsync(user.Id, cancellationToken);
        var folders = await services.GetRequiredService<FolderStore>().ListAsync(user.Id, cancellationToken);
        var entries = services.GetRequiredService<EntryStore>();
        var today = await entries.CountUnreadSinceAsync(user.Id, ListRef.StartOfDay(now, user.Settings.Zone), cancellationToken);
        var byFolder = subscriptions.Where(s => s.FolderId is not null).ToLookup(s => s.FolderId!.Value);
        return new Sidebar(
            folders.Select(f => new SidebarFolder(f, byFolder[f.Id].ToList())).ToList(),
            subscriptions.Where(s => s.FolderId is null).ToList(),
            subscriptions.Sum(s => (long)s.UnreadCount),
            subscriptions.Sum(s => (long)s.StarredCount),
            today);
    }

    /// <summary>Whether the user follows no feed yet (the reader then shows how to start).</summary>
    public bool IsEmpty => Unfiled.Count == 0 && Folders.All(f => f.Feeds.Count == 0);
}
