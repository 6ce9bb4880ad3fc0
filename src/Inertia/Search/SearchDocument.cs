using System.Globalization;
using System.Text;
using System.Text.Json;
using Inertia.Feeds;
using Inertia.Feeds.Html;
using Inertia.Storage;

namespace Inertia.Search;

/// <summary>
/// What the search index holds of one entry: the terms (<see cref="SearchText"/>) of its title, its authors'
/// names, its tags and its text (the content and, when it says more, the summary, as plain text, never markup).
/// Built before any database work, outside SQLite's single writer.
/// </summary>
internal sealed class SearchDocument
{
    /// <summary>The most terms indexed of one field; PostgreSQL records positions up to 16,383 and no further.</summary>
    public const int MaxTerms = 16_000;

    // Positions of the fields in a PostgreSQL vector are apart, so that no phrase runs from one field into the next.
    private const int FieldGap = 100;
    private const int MaxPosition = 16_383;
    private const int MaxPositionsPerTerm = 256;

    private readonly string? _title;
    private readonly string _body;
    private string? _text;

    private SearchDocument(string? title, IEnumerable<string> authors, IEnumerable<string> tags, string body)
    {
        Title = Capped(SearchText.Terms(title));
        Author = Capped(SearchText.Terms(string.Join(" \u2029 ", authors)));
        Tags = Capped(SearchText.Terms(string.Join(" \u2029 ", tags)));
        Body = Capped(SearchText.Terms(body));
        _title = title;
        _body = body;
    }

    public IReadOnlyList<string> Title { get; }
    public IReadOnlyList<string> Author { get; }
    public IReadOnlyList<string> Tags { get; }
    public IReadOnlyList<string> Body { get; }

    /// <summary>The title and the text as plain text, one line apart: what a regular expression (<c>/regex/</c>) is matched against.</summary>
    public string Text => _text ??= TextOf(_title, _body);

    /// <summary>An entry's title and plain text (<see cref="BodyText"/>) as a regular expression reads them, in search and in rules alike.</summary>
    public static string TextOf(string? title, string body) => (title ?? "") + "\n" + body;

    /// <summary>The document of a parsed entry.</summary>
    public static SearchDocument Of(Entry entry) =>
        new(entry.Title, entry.Authors.Select(a => a.Name ?? a.Email ?? ""), entry.Categories, BodyText(entry.Summary, entry.Content));

    /// <summary>The document of a stored entry (lists as stored: JSON text).</summary>
    public static SearchDocument OfStored(string? title, string? authorsJson, string? categoriesJson, string? summary, string? content)
    {
        var authors = authorsJson is null ? [] : JsonSerializer.Deserialize(authorsJson, StorageJson.Default.IReadOnlyListPerson) ?? [];
        var categories = categoriesJson is null ? [] : JsonSerializer.Deserialize(categoriesJson, StorageJson.Default.IReadOnlyListString) ?? [];
        return new SearchDocument(title, authors.Select(a => a.Name ?? a.Email ?? ""), categories, BodyText(summary, content));
    }

    /// <summary>The plain text searched as an entry's text: its content, and its summary when the content does not hold it.</summary>
    public static string BodyText(string? summary, string? content)
    {
        var contentText = content is null ? "" : HtmlText.ToPlainText(content);
        var summaryText = summary is null ? "" : HtmlText.ToPlainText(summary);
        if (summaryText.Length == 0 || contentText.Contains(summaryText, StringComparison.Ordinal))
        {
            return contentText;
        }
        return contentText.Length == 0 ? summaryText : summaryText + " \u2029 " + contentText;
    }

    /// <summary>A field as SQLite's index column takes it: the terms, separated by spaces.</summary>
    public static string Column(IReadOnlyList<string> terms) => string.Join(' ', terms);

    /// <summary>
    /// The document as a PostgreSQL <c>tsvector</c> literal: each term with its positions and its field's weight
    /// (A title, B author, C tags, D text). Terms hold letters, digits and marks only; quotes are doubled all the same.
    /// </summary>
    public string ToTsVector()
    {
        var positions = new Dictionary<string, List<(int Position, char Weight)>>(StringComparer.Ordinal);
        var position = 1;
        foreach (var (terms, weight) in new[] { (Title, 'A'), (Author, 'B'), (Tags, 'C'), (Body, 'D') })
        {
            foreach (var term in terms)
            {
                if (!positions.TryGetValue(term, out var list))
                {
                    positions[term] = list = [];
                }
                if (list.Count < MaxPositionsPerTerm)
                {
                    list.Add((Math.Min(position, MaxPosition), weight));
                }
                position++;
            }
            position += FieldGap;
        }
        var vector = new StringBuilder();
        foreach (var (term, list) in positions)
        {
            if (vector.Length > 0)
            {
                vector.Append(' ');
            }
            vector.Append('\'').Append(term.Replace("'", "''", StringComparison.Ordinal).Replace("\\", "\\\\", StringComparison.Ordinal)).Append("':");
            for (var i = 0; i < list.Count; i++)
            {
                if (i > 0)
                {
                    vector.Append(',');
                }
                vector.Append(list[i].Position.ToString(CultureInfo.InvariantCulture)).Append(list[i].Weight);
            }
        }
        return vector.ToString();
    }

    private static List<string> Capped(List<string> terms) => terms.Count > MaxTerms ? terms.GetRange(0, MaxTerms) : terms;
}
