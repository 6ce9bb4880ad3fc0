namespace Inertia.Storage.Importing;

/// <summary>An OPML import as its progress page shows it.</summary>
internal sealed record ImportProgress
{
    public long Id { get; init; }
    public required string FileName { get; init; }
    public ImportStatus Status { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public int Total { get; init; }
    public int Added { get; init; }
    public int Skipped { get; init; }
    public int Failed { get; init; }

    /// <summary>The feeds that failed, in file order, with their reasons (only when asked for).</summary>
    public IReadOnlyList<ImportItem> Failures { get; init; } = [];

    public int Done => Added + Skipped + Failed;

    public bool IsFinished => Status is ImportStatus.Done or ImportStatus.Interrupted;
}
