namespace Inertia.Importing;

/// <summary>One feed of an OPML list after <see cref="OpmlSubscriber.SubscribeAsync"/>.</summary>
/// <param name="Position">Its place in the list.</param>
/// <param name="FeedId">The feed's row.</param>
/// <param name="AlreadyFollowed">The user followed it before: nothing changed.</param>
/// <param name="NewFeed">Nobody followed it before: it has no entries until it is fetched.</param>
internal sealed record SubscribedFeed(int Position, long FeedId, bool AlreadyFollowed, bool NewFeed);
