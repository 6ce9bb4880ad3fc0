namespace Inertia.Storage.Rules;

/// <summary>A rule as a reader writes it, before it is stored (or to try it out: <see cref="ToRule"/>).</summary>
internal sealed record RuleDraft(string Name, string Query)
{
    public long? FeedId { get; init; }
    public long? FolderId { get; init; }
    public bool KeepOnly { get; init; }
    public RuleActions Actions { get; init; }
    public string? Label { get; init; }
    public bool Enabled { get; init; } = true;

    public Rule ToRule(long userId, long id = 0) => new()
    {
        Id = id,
        UserId = userId,
        Name = Name,
        Query = Query,
        FeedId = FeedId,
        FolderId = FolderId,
        KeepOnly = KeepOnly,
        Actions = Actions,
        Label = Label,
        Enabled = Enabled,
    };
}
