using Inertia.Storage.Subscriptions;

namespace Inertia.Web.Reading;

/// <summary>Feeds to list in the sidebar, with the one being read highlighted.</summary>
internal sealed record SidebarFeeds(IReadOnlyList<SubscriptionSummary> Feeds, long? ActiveFeed);
