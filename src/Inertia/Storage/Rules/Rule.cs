namespace Inertia.Storage.Rules;

/// <summary>
/// A reader's rule: a query in the search language (docs/search.md), where it applies and what it does to the
/// entries it matches (or, with <see cref="KeepOnly"/>, to those it does not). Rules run in <see cref="Position"/> order.
/// </summary>
internal sealed record Rule
{
    public long Id { get; init; }
    public long UserId { get; init; }
    public required string Name { get; init; }
    public int Position { get; init; }
    public bool Enabled { get; init; } = true;
    public required string Query { get; init; }

    /// <summary>Only this feed's entries; null with <see cref="FolderId"/> null for all the reader's feeds.</summary>
    public long? FeedId { get; init; }

    /// <summary>Only the entries of the feeds in this folder.</summary>
    public long? FolderId { get; init; }

    /// <summary>The rule acts on the entries its query does not match ("keep only what matches").</summary>
    public bool KeepOnly { get; init; }

    public RuleActions Actions { get; init; }

    /// <summary>The label <see cref="RuleActions.Label"/> puts on.</summary>
    public string? Label { get; init; }

    /// <summary>The Miniflux feed field the rule stands for, with the regular expression the client set (<see cref="MinifluxRule"/>).</summary>
    public MinifluxRule? Miniflux { get; init; }

    /// <summary>Why the rule last failed (its regular expression ran out of time on an entry), and when.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>The title of the feed or folder the rule is for, as the reader sees it (lists show it).</summary>
    public string? ScopeTitle { get; init; }
}

/// <summary>A rule set through Miniflux's feed fields <c>blocklist_rules</c> or <c>keeplist_rules</c>: the field and the pattern as the client wrote it.</summary>
internal sealed record MinifluxRule(MinifluxRuleKind Kind, string Pattern);

internal enum MinifluxRuleKind
{
    /// <summary><c>blocklist_rules</c>: entries that match are hidden.</summary>
    Blocklist,

    /// <summary><c>keeplist_rules</c>: entries that do not match are hidden.</summary>
    Keeplist,
}
