namespace Inertia.Storage;

/// <summary>The numbers <c>inertia stats</c> prints.</summary>
internal sealed record Stats
{
    public long Users { get; init; }
    public long Feeds { get; init; }
    public long Subscriptions { get; init; }
    public long Entries { get; init; }
    public long Unread { get; init; }
    public long FeedsInError { get; init; }
}
