namespace Inertia.Storage.Entries;

/// <summary>
/// How long entries are kept. Starred entries are never deleted, and neither are the newest
/// <see cref="KeepPerFeed"/> of a feed or as many as its latest document holds (deleting an entry the
/// feed still lists would bring it back as new on the next fetch).
/// </summary>
internal sealed record RetentionPolicy
{
    /// <summary>An entry read by every subscriber is deleted this long after publication. Default 60 days.</summary>
    public TimeSpan ReadEntries { get; init; } = TimeSpan.FromDays(60);

    /// <summary>Any entry not starred is deleted this long after publication. Default 180 days.</summary>
    public TimeSpan UnreadEntries { get; init; } = TimeSpan.FromDays(180);

    /// <summary>The newest entries of every feed kept whatever their age. Default 50.</summary>
    public int KeepPerFeed { get; init; } = 50;
}
