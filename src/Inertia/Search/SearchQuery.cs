using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Inertia.Search;

/// <summary>
/// A search query, read from the query language that the reader, the APIs and saved searches share
/// (docs/search.md): words (all must appear), <c>"exact phrase"</c>, <c>-word</c>, <c>a OR b</c>, parentheses,
/// <c>title:</c> <c>author:</c> <c>tag:</c> <c>feed:</c> <c>folder:</c> <c>label:</c> <c>url:</c>, <c>is:unread|read|starred</c>,
/// <c>before:</c> <c>after:</c> (dates, in the reader's time zone) and <c>newer:</c> (ages), <c>word*</c> and
/// <c>/regex/</c>. A query that cannot be read throws <see cref="SearchQueryException"/> naming where.
/// </summary>
internal sealed class SearchQuery
{
    /// <summary>The most words, fields and operators one query may hold.</summary>
    public const int MaxParts = 40;

    /// <summary>The longest query read, in characters.</summary>
    public const int MaxLength = 1000;

    /// <summary>
    /// How long one regular expression may run on one entry before it counts as not matching. The engine is linear in the
    /// text, so this only bounds huge texts; it is not tight, as the engine builds its automaton as it first meets text
    /// (50 ms timed out a simple pattern on a busy machine).
    /// </summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(250);

    private readonly string _text;
    private readonly DateTimeOffset _now;
    private readonly TimeZoneInfo _zone;
    private int _position;
    private int _parts;

    private readonly TimeSpan _regexTimeout;

    private SearchQuery(string text, DateTimeOffset now, TimeZoneInfo zone, TimeSpan regexTimeout)
    {
        _text = text;
        _now = now;
        _zone = zone;
        _regexTimeout = regexTimeout;
    }

    /// <summary>The query as written (trimmed).</summary>
    public string Text => _text;

    /// <summary>What the query asks for.</summary>
    public SearchNode Root { get; private set; } = null!;

    /// <summary>The regular expressions that must match, at the top of the query (they are checked on each candidate).</summary>
    public IReadOnlyList<Regex> Required => TopLevel.OfType<Matches>().Select(m => m.Pattern).ToList();

    /// <summary>The regular expressions that must not match.</summary>
    public IReadOnlyList<Regex> Excluded => TopLevel.OfType<Without>().Select(w => w.Part).OfType<Matches>().Select(m => m.Pattern).ToList();

    /// <summary>Whether any part of the query is a regular expression, checked outside the database.</summary>
    public bool HasRegex => Required.Count > 0 || Excluded.Count > 0;

    /// <summary>What to mark in results: the words the query looks for, not those it leaves out.</summary>
    public IReadOnlyList<SearchHighlighter.Needle> Highlights => Positive(Root).SelectMany(Needles).Distinct().ToList();

    private static IEnumerable<TextMatch> Positive(SearchNode node) => node switch
    {
        TextMatch text => [text],
        AllOf all => all.Parts.SelectMany(Positive),
        AnyOf any => any.Parts.SelectMany(Positive),
        _ => [],
    };

    private static IEnumerable<SearchHighlighter.Needle> Needles(TextMatch text)
    {
        var segments = SearchText.Segments(SearchText.Fold(text.Written.TrimEnd('*'))).ToList();
        return segments.Select((segment, i) => new SearchHighlighter.Needle(segment.Text, text.Prefix && i == segments.Count - 1 && !segment.Unspaced));
    }

    private IEnumerable<SearchNode> TopLevel => Root is AllOf all ? all.Parts : [Root];

    /// <summary>
    /// Reads <paramref name="text"/>; dates are days in <paramref name="zone"/>, and ages count back from <paramref name="now"/>.
    /// </summary>
    public static SearchQuery Parse(string text, DateTimeOffset now, TimeZoneInfo zone) => Parse(text, now, zone, RegexTimeout);

    /// <summary>Reads <paramref name="text"/> with another limit for its regular expressions (tests make them run out of time).</summary>
    internal static SearchQuery Parse(string text, DateTimeOffset now, TimeZoneInfo zone, TimeSpan regexTimeout)
    {
        text = text.Trim();
        if (text.Length > MaxLength)
        {
            throw new SearchQueryException(MaxLength + 1, "A search can be at most {0} characters long.", MaxLength);
        }
        var query = new SearchQuery(text, now, zone, regexTimeout);
        var parts = query.ReadSequence(topLevel: true);
        if (parts.Count == 0)
        {
            throw new SearchQueryException(1, "There is nothing to search for in “{0}”.", text);
        }
        query.Root = parts.Count == 1 ? parts[0] : new AllOf(parts);
        return query;
    }

    /// <summary>Parts side by side, up to the end or a closing parenthesis.</summary>
    private List<SearchNode> ReadSequence(bool topLevel)
    {
        var parts = new List<SearchNode>();
        while (true)
        {
            SkipSpaces();
            if (AtEnd || Current == ')')
            {
                if (!AtEnd && topLevel)
                {
                    throw new SearchQueryException(_position + 1, "The “)” at position {0} closes no “(”.", _position + 1);
                }
                return parts;
            }
            if (ReadAlternatives(topLevel) is { } part)
            {
                parts.Add(part);
            }
        }
    }

    /// <summary>One part, or several joined by OR.</summary>
    private SearchNode? ReadAlternatives(bool topLevel)
    {
        var start = _position;
        if (AtKeyword("OR"))
        {
            throw new SearchQueryException(start + 1, "The OR at position {0} needs something to search for on both sides.", start + 1);
        }
        var first = ReadUnary();
        var alternatives = new List<SearchNode?> { first };
        while (true)
        {
            var save = _position;
            SkipSpaces();
            if (!AtKeyword("OR"))
            {
                _position = save;
                break;
            }
            var orAt = _position;
            _position += 2;
            SkipSpaces();
            if (AtEnd || Current == ')' || AtKeyword("OR"))
            {
                throw new SearchQueryException(orAt + 1, "The OR at position {0} needs something to search for on both sides.", orAt + 1);
            }
            alternatives.Add(ReadUnary());
        }
        if (alternatives.Count == 1)
        {
            if (first is Matches or Without { Part: Matches } && !topLevel)
            {
                throw new SearchQueryException(start + 1, "The regular expression at position {0} must stand on its own, not inside parentheses or OR.", start + 1);
            }
            return first;
        }
        if (alternatives.Any(a => a is Matches or Without { Part: Matches }))
        {
            throw new SearchQueryException(start + 1, "The regular expression at position {0} must stand on its own, not inside parentheses or OR.", start + 1);
        }
        var kept = alternatives.OfType<SearchNode>().ToList();
        if (kept.Count < alternatives.Count)
        {
            throw new SearchQueryException(start + 1, "One side of the OR at position {0} has nothing to search for.", start + 1);
        }
        return new AnyOf(kept);
    }

    /// <summary>A part, or a part to leave out (<c>-word</c>).</summary>
    private SearchNode? ReadUnary()
    {
        if (Current == '-' && _position + 1 < _text.Length && !char.IsWhiteSpace(_text[_position + 1]))
        {
            var at = _position;
            _position++;
            var part = ReadAtom();
            if (part is Without)
            {
                throw new SearchQueryException(at + 1, "The “-” at position {0} leaves out something already left out.", at + 1);
            }
            return part is null ? null : new Without(part);
        }
        return ReadAtom();
    }

    private SearchNode? ReadAtom()
    {
        Count();
        var start = _position;
        switch (Current)
        {
            case '(':
                _position++;
                var inner = ReadSequence(topLevel: false);
                if (AtEnd)
                {
                    throw new SearchQueryException(start + 1, "The “(” at position {0} is never closed.", start + 1);
                }
                _position++;
                return inner.Count switch
                {
                    0 => null,
                    1 => inner[0],
                    _ => new AllOf(inner),
                };
            case '"':
                return Words(SearchField.Any, ReadQuoted(), phrase: true, start);
            case '/':
                return ReadRegex();
        }
        var word = ReadWord();
        var colon = word.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && IsFieldName(word.AsSpan(0, colon)))
        {
            var name = word[..colon].ToLowerInvariant();
            var valueStart = start + colon + 2;
            var value = word[(colon + 1)..];
            var quoted = false;
            if (value.Length == 0 && Current == '"')
            {
                value = ReadQuoted();
                quoted = true;
            }
            if (value.Length == 0)
            {
                throw new SearchQueryException(valueStart, "“{0}:” at position {1} needs something after the colon.", name, start + 1);
            }
            return Field(name, value, quoted, start, valueStart);
        }
        return Words(SearchField.Any, word, phrase: false, start);
    }

    private SearchNode? Field(string name, string value, bool quoted, int start, int valueStart) => name switch
    {
        "title" => Words(SearchField.Title, value, quoted, start),
        "author" => Words(SearchField.Author, value, quoted, start),
        "tag" => Words(SearchField.Tag, value, quoted, start),
        "feed" => new InFeed(value),
        "folder" => new InFolder(value),
        "label" => new HasLabel(value),
        "url" => new UrlContains(value),
        "is" => value.ToLowerInvariant() switch
        {
            "unread" => new StateIs(EntryState.Unread),
            "read" => new StateIs(EntryState.Read),
            "starred" => new StateIs(EntryState.Starred),
            "hidden" => new StateIs(EntryState.Hidden),
            _ => throw new SearchQueryException(valueStart, "“is:” takes unread, read, starred or hidden, not “{0}” (position {1}).", value, start + 1),
        },
        "before" => new PublishedRange(null, Day(value, name, start, valueStart)),
        "after" => new PublishedRange(Day(value, name, start, valueStart), null),
        "newer" => new PublishedRange(_now - Age(value, start, valueStart), null),
        _ => throw new InvalidOperationException(name),
    };

    private static bool IsFieldName(ReadOnlySpan<char> name)
    {
        Span<char> lower = stackalloc char[name.Length];
        name.ToLowerInvariant(lower);
        return lower switch
        {
            "title" or "author" or "tag" or "feed" or "folder" or "label" or "url" or "is" or "before" or "after" or "newer" => true,
            _ => false,
        };
    }

    /// <summary>Words to find: a phrase when quoted or when one word holds several terms (e-mail, 北京大学).</summary>
    private static TextMatch? Words(SearchField field, string written, bool phrase, int start)
    {
        var prefix = !phrase && written.EndsWith('*');
        var terms = SearchText.QueryTerms(prefix ? written.TrimEnd('*') : written);
        if (terms.Count == 0)
        {
            if (phrase)
            {
                throw new SearchQueryException(start + 1, "The phrase at position {0} has no letters or digits to search for.", start + 1);
            }
            return null;
        }
        // A single character of an unspaced script is a term of its own; ending a phrase after other terms (a北), it is
        // the start of the pair that follows them in the text.
        var endsInOneCharacter = terms.Count > 1 && terms[^1].EnumerateRunes().Count() == 1 && SearchText.IsUnspaced(terms[^1].EnumerateRunes().First().Value);
        return new TextMatch(field, terms, prefix || endsInOneCharacter, written);
    }

    /// <summary>Midnight starting a day (<c>2026-01-31</c>), a month (<c>2026-01</c>) or a year (<c>2026</c>) in the reader's zone.</summary>
    private DateTimeOffset Day(string value, string name, int start, int valueStart)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d", "yyyy-MM", "yyyy"];
        if (!DateTime.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new SearchQueryException(valueStart, "“{0}:” takes a date such as 2026-01-31, not “{1}” (position {2}).", name, value, start + 1);
        }
        var midnight = DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified);
        while (_zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }
        return new DateTimeOffset(midnight, _zone.GetUtcOffset(midnight));
    }

    /// <summary>An age: a number and h (hours), d (days), w (weeks), m (months of 30 days) or y (years of 365 days).</summary>
    private static TimeSpan Age(string value, int start, int valueStart)
    {
        if (value.Length >= 2
            && int.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is > 0 and <= 100_000)
        {
            switch (char.ToLowerInvariant(value[^1]))
            {
                case 'h': return TimeSpan.FromHours(count);
                case 'd': return TimeSpan.FromDays(count);
                case 'w': return TimeSpan.FromDays(7 * count);
                case 'm': return TimeSpan.FromDays(30 * count);
                case 'y': return TimeSpan.FromDays(365 * count);
            }
        }
        throw new SearchQueryException(valueStart, "“newer:” takes an age such as 12h, 7d, 2w, 6m or 1y, not “{0}” (position {1}).", value, start + 1);
    }

    private Matches ReadRegex()
    {
        var start = _position;
        _position++;
        var pattern = new StringBuilder();
        while (!AtEnd && Current != '/')
        {
            if (Current == '\\' && _position + 1 < _text.Length)
            {
                // \/ stands for a slash; every other escape is the regular expression's own.
                if (_text[_position + 1] != '/')
                {
                    pattern.Append('\\');
                }
                _position++;
            }
            pattern.Append(Current);
            _position++;
        }
        if (AtEnd)
        {
            throw new SearchQueryException(start + 1, "The regular expression at position {0} has no closing “/”.", start + 1);
        }
        _position++;
        if (pattern.Length == 0)
        {
            throw new SearchQueryException(start + 1, "The regular expression at position {0} is empty.", start + 1);
        }
        try
        {
            // Linear-time matching: no pattern can backtrack catastrophically, and the timeout bounds the rest.
            return new Matches(new Regex(pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, _regexTimeout));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new SearchQueryException(start + 1, "The regular expression at position {0} cannot be used: {1}", start + 1, e.Message);
        }
    }

    private string ReadQuoted()
    {
        var start = _position;
        _position++;
        var end = _text.IndexOf('"', _position);
        if (end < 0)
        {
            throw new SearchQueryException(start + 1, "The quote at position {0} is never closed.", start + 1);
        }
        var value = _text[_position..end];
        _position = end + 1;
        return value;
    }

    /// <summary>A word: up to a space, a parenthesis or a quote (a field's quoted value is read after its colon).</summary>
    private string ReadWord()
    {
        var start = _position;
        while (!AtEnd && !char.IsWhiteSpace(Current) && Current is not '(' and not ')' and not '"')
        {
            _position++;
        }
        if (_position == start)
        {
            // A lone quote or parenthesis is handled by the caller; anything else is one character of its own.
            _position++;
        }
        return _text[start.._position];
    }

    private void Count()
    {
        if (++_parts > MaxParts)
        {
            throw new SearchQueryException(_position + 1, "A search can combine at most {0} words and fields.", MaxParts);
        }
    }

    private bool AtKeyword(string keyword) =>
        string.CompareOrdinal(_text, _position, keyword, 0, keyword.Length) == 0
        && (_position + keyword.Length == _text.Length || char.IsWhiteSpace(_text[_position + keyword.Length]) || _text[_position + keyword.Length] is '(' or '"' or '-');

    private void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            _position++;
        }
    }

    private bool AtEnd => _position >= _text.Length;

    private char Current => AtEnd ? '\0' : _text[_position];
}
