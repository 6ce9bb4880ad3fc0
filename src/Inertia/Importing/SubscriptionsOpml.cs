using Inertia.Feeds.Opml;
using Inertia.Storage.Subscriptions;

namespace Inertia.Importing;

/// <summary>A user's subscriptions written as OPML 2.0, folders as enclosing outlines: <c>inertia export</c> and the web's export.</summary>
internal static class SubscriptionsOpml
{
    public static void Write(Stream output, string title, IEnumerable<Subscription> subscriptions, DateTimeOffset created) =>
        OpmlWriter.Write(output, title, subscriptions.Select(s => new OpmlFeed(s.FeedUrl, s.Title, s.SiteUrl, s.FolderTitle)), created);
}
