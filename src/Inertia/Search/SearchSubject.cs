using System.Globalization;
using Inertia.Storage.Labels;

namespace Inertia.Search;

/// <summary>
/// One entry as one reader has it, asked in memory whether a query holds for it: what the index and the SQL of
/// <see cref="CompiledSearch"/> answer for stored entries, answered the same way for an entry that is arriving (rules
/// run before anything is read back) or that a rule is tried on. Its state changes as rules act on it, so a later rule
/// sees what an earlier one did. <paramref name="starts"/> are the terms the queries asked of it can start a phrase
/// with (<see cref="TermIndex"/>); null when any may be asked.
/// </summary>
internal sealed class SearchSubject(SearchDocument document, IReadOnlySet<string>? starts = null)
{
    private readonly TermIndex _words = new(document, starts);

    public SearchDocument Document { get; } = document;
    public long FeedId { get; init; }

    /// <summary>The feed's title as the reader sees it (their own title, else the feed's, else its address).</summary>
    public required string FeedTitle { get; init; }

    public long? FolderId { get; init; }
    public string? FolderTitle { get; init; }
    public string? Url { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    public bool IsRead { get; set; }
    public bool IsStarred { get; set; }
    public bool IsHidden { get; set; }

    /// <summary>The keys (<see cref="LabelName.Key"/>) of the entry's labels.</summary>
    public HashSet<string> LabelKeys { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="node"/> holds; a regular expression that runs out of time throws <see cref="System.Text.RegularExpressions.RegexMatchTimeoutException"/>.</summary>
    public bool Satisfies(SearchNode node) => node switch
    {
        AllOf all => all.Parts.All(Satisfies),
        AnyOf any => any.Parts.Any(Satisfies),
        Without without => !Satisfies(without.Part),
        TextMatch text => _words.Contains(text.Field, text.Terms, text.Prefix),
        StateIs state => state.State switch
        {
            EntryState.Unread => !IsRead,
            EntryState.Read => IsRead,
            EntryState.Starred => IsStarred,
            _ => IsHidden,
        },
        PublishedRange range => (range.After is not { } after || PublishedAt >= after) && (range.Before is not { } before || PublishedAt < before),
        InFeed feed => (long.TryParse(feed.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id == FeedId) || Folded(FeedTitle, feed.Text),
        InFolder folder => FolderTitle is { } title && Folded(title, folder.Text),
        HasLabel label => LabelKeys.Contains(LabelName.Key(label.Name)),
        UrlContains url => Url is { } address && address.ToLowerInvariant().Contains(url.Text.ToLowerInvariant(), StringComparison.Ordinal),
        Matches regex => regex.Pattern.IsMatch(Document.Text),
        _ => throw new InvalidOperationException(node.ToString()),
    };

    /// <summary>Whether <paramref name="title"/> contains <paramref name="text"/>, compared folded, as <c>feed:</c> and <c>folder:</c> compare.</summary>
    public static bool Folded(string title, string text) => SearchText.Fold(title).Contains(SearchText.Fold(text), StringComparison.Ordinal);
}
