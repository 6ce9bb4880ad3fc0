using Inertia.Storage;

namespace Inertia.Web.Reading;

/// <summary>A folder in the sidebar with its feeds.</summary>
internal sealed record SidebarFolder(Folder Folder, IReadOnlyList<SubscriptionSummary> Feeds)
{
    public long UnreadCount => Feeds.Sum(f => (long)f.UnreadCount);
}
