using Inertia.Feeds;

namespace Inertia.FeedsOut;

/// <summary>One item of a published feed.</summary>
internal sealed record OutItem
{
    /// <summary>A permanent, unique address for the item (RSS <c>guid</c>, Atom <c>id</c>, JSON Feed <c>id</c>).</summary>
    public required string Id { get; init; }

    public string? Title { get; init; }

    /// <summary>The article's own page.</summary>
    public string? Url { get; init; }

    /// <summary>The article as HTML, already sanitized (Inertia stores nothing else).</summary>
    public string? ContentHtml { get; init; }

    public required DateTimeOffset Published { get; init; }

    public DateTimeOffset? Updated { get; init; }

    public IReadOnlyList<Person> Authors { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>The feed the item came from, when the published feed gathers several (RSS <c>source</c>, Atom <c>source</c>).</summary>
    public OutSource? Source { get; init; }
}
