namespace Inertia.Storage.Importing;

/// <summary>One feed of an imported OPML file, with what became of it (null while it is pending).</summary>
internal sealed record ImportItem
{
    public int Position { get; init; }
    public required string FeedUrl { get; init; }
    public string? Title { get; init; }
    public string? Folder { get; init; }
    public ImportOutcome? Outcome { get; init; }

    /// <summary>Why it failed, as the fetcher or parser said it (English).</summary>
    public string? Message { get; init; }
}
