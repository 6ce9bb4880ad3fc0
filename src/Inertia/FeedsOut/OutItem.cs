using Inertia.Feeds;
using Inertia.Storage.Public;

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

    /// <summary>The stored <paramref name="entry"/> as an item with the permanent address <paramref name="id"/>, linking to <paramref name="url"/>.</summary>
    public static OutItem Of(OutEntry entry, string id, string? url) => new()
    {
        Id = id,
        Title = entry.Title,
        Url = url,
        ContentHtml = entry.Content ?? entry.Summary,
        Published = entry.PublishedAt,
        Updated = entry.UpdatedAt,
        Authors = entry.Authors,
        Categories = entry.Categories,
        Source = new OutSource(entry.FeedTitle, entry.FeedUrl, entry.SiteUrl),
    };
}
