using System.Text.RegularExpressions;

namespace Inertia.Search;

/// <summary>A part of a parsed search query (<see cref="SearchQuery"/>).</summary>
internal abstract record SearchNode;

/// <summary>All of the parts must hold (words side by side).</summary>
internal sealed record AllOf(IReadOnlyList<SearchNode> Parts) : SearchNode;

/// <summary>At least one of the parts must hold (<c>a OR b</c>).</summary>
internal sealed record AnyOf(IReadOnlyList<SearchNode> Parts) : SearchNode;

/// <summary>The part must not hold (<c>-word</c>).</summary>
internal sealed record Without(SearchNode Part) : SearchNode;

/// <summary>
/// Words the index finds: one word, or a phrase, as the index's terms in order (<see cref="SearchText.QueryTerms"/>);
/// <see cref="Prefix"/> when the last term may be the start of a longer one (<c>secur*</c>, or a Chinese character after other terms: <c>iPhone手</c>).
/// </summary>
internal sealed record TextMatch(SearchField Field, IReadOnlyList<string> Terms, bool Prefix, string Written) : SearchNode;

/// <summary>Entries in a state: <c>is:unread</c>, <c>is:read</c>, <c>is:starred</c>, <c>is:hidden</c>.</summary>
internal sealed record StateIs(EntryState State) : SearchNode;

/// <summary>Entries published before or at/after a time: <c>before:</c>, <c>after:</c>, <c>newer:</c>.</summary>
internal sealed record PublishedRange(DateTimeOffset? After, DateTimeOffset? Before) : SearchNode;

/// <summary>Entries of feeds whose title contains the text (as the reader sees it), or of the feed with that id.</summary>
internal sealed record InFeed(string Text) : SearchNode;

/// <summary>Entries of the feeds in folders whose title contains the text.</summary>
internal sealed record InFolder(string Text) : SearchNode;

/// <summary>Entries the reader labelled so (labels compare as <see cref="SearchText.Fold"/> makes them).</summary>
internal sealed record HasLabel(string Name) : SearchNode;

/// <summary>Entries whose address contains the text (case-insensitive).</summary>
internal sealed record UrlContains(string Text) : SearchNode;

/// <summary>Entries whose title or text a regular expression matches (<c>/regex/</c>), evaluated with a time limit.</summary>
internal sealed record Matches(Regex Pattern) : SearchNode;

/// <summary>The fields of an entry that words can be looked for in; <see cref="Any"/> is all of them.</summary>
internal enum SearchField
{
    Any,
    Title,
    Author,
    Tag,
}

/// <summary>The entry states a query can ask for.</summary>
internal enum EntryState
{
    Unread,
    Read,
    Starred,

    /// <summary>Hidden by a rule: left out of every list, found only by a search that asks for them.</summary>
    Hidden,
}
