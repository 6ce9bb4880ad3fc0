using Inertia.Storage.Subscriptions;

namespace Inertia.Web.Reading;

/// <summary>
/// A folder in the sidebar: its numbers always, its feeds only when it is open (the list shown is in it).
/// A reader with hundreds of feeds in folders does not pay for all of them on every page; a closed folder's
/// feeds load when it is opened (or its own page lists them).
/// </summary>
internal sealed record SidebarFolder(Folder Folder, long FeedCount, long UnreadCount, IReadOnlyList<SubscriptionSummary>? Feeds);
