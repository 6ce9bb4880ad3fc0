namespace Inertia.Search;

/// <summary>
/// Where terms stand in a <see cref="SearchDocument"/>'s fields, to answer in memory what the index answers for a
/// <see cref="TextMatch"/>: whether terms follow each other in one field, the last as the start of a term for a prefix.
/// Only the positions of the terms a phrase can start with are gathered (<c>starts</c>; all terms when null), each field
/// the first time it is asked: a reader's rules start with a few dozen terms, and gathering every term of every
/// arriving entry would cost more than the rules themselves.
/// </summary>
internal sealed class TermIndex(SearchDocument document, IReadOnlySet<string>? starts)
{
    private readonly Dictionary<string, List<int>>?[] _positions = new Dictionary<string, List<int>>?[4];

    /// <summary>Whether <paramref name="terms"/> follow each other in one field (any field for <see cref="SearchField.Any"/>).</summary>
    public bool Contains(SearchField field, IReadOnlyList<string> terms, bool prefix) => field switch
    {
        SearchField.Title => Contains(0, document.Title, terms, prefix),
        SearchField.Author => Contains(1, document.Author, terms, prefix),
        SearchField.Tag => Contains(2, document.Tags, terms, prefix),
        _ => Contains(0, document.Title, terms, prefix) || Contains(1, document.Author, terms, prefix)
            || Contains(2, document.Tags, terms, prefix) || Contains(3, document.Body, terms, prefix),
    };

    private bool Contains(int field, IReadOnlyList<string> fieldTerms, IReadOnlyList<string> terms, bool prefix)
    {
        var last = terms.Count - 1;
        if (prefix && last == 0)
        {
            return fieldTerms.Any(t => t.StartsWith(terms[0], StringComparison.Ordinal));
        }
        var positions = _positions[field] ??= PositionsOf(fieldTerms);
        if (!positions.TryGetValue(terms[0], out var at))
        {
            return false;
        }
        foreach (var start in at)
        {
            if (start + last >= fieldTerms.Count)
            {
                break;
            }
            var follows = true;
            for (var i = 1; i <= last && follows; i++)
            {
                var term = fieldTerms[start + i];
                follows = prefix && i == last ? term.StartsWith(terms[i], StringComparison.Ordinal) : term == terms[i];
            }
            if (follows)
            {
                return true;
            }
        }
        return false;
    }

    private Dictionary<string, List<int>> PositionsOf(IReadOnlyList<string> terms)
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
        {
            if (starts is not null && !starts.Contains(terms[i]))
            {
                continue;
            }
            if (!positions.TryGetValue(terms[i], out var list))
            {
                positions[terms[i]] = list = [];
            }
            list.Add(i);
        }
        return positions;
    }
}
