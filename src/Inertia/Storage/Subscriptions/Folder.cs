namespace Inertia.Storage.Subscriptions;

/// <summary>A user's folder of subscriptions.</summary>
internal sealed record Folder
{
    public long Id { get; init; }
    public required string Title { get; init; }
}
