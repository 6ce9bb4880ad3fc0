using System.Globalization;
using System.Text;
using Dapper;
using Inertia.Storage;
using Inertia.Storage.Labels;

namespace Inertia.Search;

/// <summary>
/// A <see cref="SearchQuery"/> turned into SQL for one engine and one user. The words that must appear (and
/// those that must not, beside them) become one expression for the index (<see cref="Match"/>: an FTS5 query on
/// SQLite, a <c>tsquery</c> on PostgreSQL), so the index intersects them itself; everything else becomes a
/// condition on the user's state row <c>s</c> and entry <c>e</c> (<see cref="Where"/>). Regular expressions
/// are left to <see cref="SearchQuery.Required"/> and <see cref="SearchQuery.Excluded"/>.
/// </summary>
internal sealed class CompiledSearch
{
    private readonly DatabaseEngine _engine;
    private readonly Func<string, List<long>> _feedsTitled;
    private readonly Func<string, List<long>> _foldersTitled;
    private readonly Database _database;
    private int _parameters;

    private CompiledSearch(Database database, Func<string, List<long>> feedsTitled, Func<string, List<long>> foldersTitled)
    {
        _database = database;
        _engine = database.Engine;
        _feedsTitled = feedsTitled;
        _foldersTitled = foldersTitled;
    }

    /// <summary>The index expression every result must match, or null when the query asks for no word.</summary>
    public string? Match { get; private set; }

    /// <summary>Conditions on <c>s</c> (entry_states) and <c>e</c> (entries), joined by AND; "TRUE" when none.</summary>
    public string Where { get; private set; } = "TRUE";

    /// <summary>Whether <see cref="Where"/> reads the entry (<c>e</c>) and not only the state row.</summary>
    public bool NeedsEntry { get; private set; }

    /// <summary>Whether every result is starred (the starred index can be walked).</summary>
    public bool OnlyStarred { get; private set; }

    /// <summary>
    /// Whether the query asks for hidden entries (<c>is:hidden</c> among its parts); a search that does not leaves them
    /// out, as every list does.
    /// </summary>
    public bool SeesHidden { get; private set; }

    /// <summary>Whether every result is unread (only the unread index need be walked).</summary>
    public bool OnlyUnread { get; private set; }

    /// <summary>
    /// Whether the query keeps only some of the reader's feeds or labelled entries (<c>feed:</c>, <c>folder:</c>,
    /// <c>label:</c>), so that a walk of the reader's dates would pass over most rows.
    /// </summary>
    public bool Narrowed { get; private set; }

    public DynamicParameters Parameters { get; } = new();

    /// <summary>
    /// Compiles <paramref name="query"/>; <paramref name="feedsTitled"/> and <paramref name="foldersTitled"/> give the
    /// ids of the user's feeds (by id or title) and of the feeds in the user's folders that a <c>feed:</c> or
    /// <c>folder:</c> names.
    /// </summary>
    public static CompiledSearch Compile(Database database, SearchQuery query, Func<string, List<long>> feedsTitled, Func<string, List<long>> foldersTitled)
    {
        var compiled = new CompiledSearch(database, feedsTitled, foldersTitled);
        var parts = query.Root is AllOf all ? all.Parts : [query.Root];
        var positives = parts.Where(IsText).ToList();
        var negatives = parts.OfType<Without>().Where(w => IsText(w.Part)).Select(w => w.Part).ToList();
        var conditions = new List<string>();
        if (positives.Count > 0)
        {
            compiled.Match = compiled.MatchOf(positives, negatives);
        }
        else
        {
            conditions.AddRange(negatives.Select(n => $"NOT ({compiled.Condition(n)})"));
        }
        foreach (var part in parts.Where(p => !IsText(p) && !(p is Without w && IsText(w.Part)) && p is not Matches && p is not Without { Part: Matches }))
        {
            conditions.Add(compiled.Condition(part));
        }
        compiled.OnlyStarred = parts.Contains(new StateIs(EntryState.Starred));
        compiled.OnlyUnread = parts.Contains(new StateIs(EntryState.Unread));
        compiled.SeesHidden = parts.Contains(new StateIs(EntryState.Hidden));
        compiled.Narrowed = parts.Any(p => p is InFeed or InFolder or HasLabel);
        if (conditions.Count > 0)
        {
            compiled.Where = string.Join(" AND ", conditions);
        }
        return compiled;
    }

    /// <summary>A condition that the entry <c>s.entry_id</c> matches the index expression in parameter <paramref name="parameter"/>.</summary>
    public string MatchCondition(string parameter) => _engine == DatabaseEngine.Sqlite
        ? $"s.entry_id IN (SELECT rowid FROM entry_search WHERE entry_search MATCH {parameter})"
        : $"s.entry_id IN (SELECT entry_id FROM entry_search WHERE doc @@ CAST({parameter} AS tsquery))";

    /// <summary>Whether a part is words only, which the index's own expression can say.</summary>
    private static bool IsText(SearchNode node) => node switch
    {
        TextMatch => true,
        AnyOf any => any.Parts.All(IsText),
        AllOf all => all.Parts.All(IsText),
        _ => false,
    };

    private string MatchOf(List<SearchNode> positives, List<SearchNode> negatives)
    {
        if (_engine == DatabaseEngine.Sqlite)
        {
            var expression = string.Join(" AND ", positives.Select(Fts));
            // FTS5's NOT is binary: what the positives match, less each negative.
            return negatives.Aggregate($"({expression})", (current, negative) => $"{current} NOT {Fts(negative)}");
        }
        return string.Join(" & ", positives.Select(TsQuery).Concat(negatives.Select(n => $"!{TsQuery(n)}")));
    }

    /// <summary>The FTS5 expression of a words-only part: phrases are strings of terms, a prefix ends in *.</summary>
    private static string Fts(SearchNode node) => node switch
    {
        TextMatch text => $"{FtsColumn(text.Field)}\"{string.Join(' ', text.Terms)}\"{(text.Prefix ? " *" : "")}",
        AnyOf any => $"({string.Join(" OR ", any.Parts.Select(Fts))})",
        AllOf all => $"({string.Join(" AND ", all.Parts.Select(Fts))})",
        _ => throw new InvalidOperationException(node.ToString()),
    };

    private static string FtsColumn(SearchField field) => field switch
    {
        SearchField.Title => "title : ",
        SearchField.Author => "author : ",
        SearchField.Tag => "tags : ",
        _ => "",
    };

    /// <summary>The tsquery of a words-only part: terms of a phrase follow each other (&lt;-&gt;), a field is a weight.</summary>
    private static string TsQuery(SearchNode node) => node switch
    {
        TextMatch text => TsPhrase(text),
        AnyOf any => $"({string.Join(" | ", any.Parts.Select(TsQuery))})",
        AllOf all => $"({string.Join(" & ", all.Parts.Select(TsQuery))})",
        _ => throw new InvalidOperationException(node.ToString()),
    };

    private static string TsPhrase(TextMatch text)
    {
        var weight = text.Field switch
        {
            SearchField.Title => "A",
            SearchField.Author => "B",
            SearchField.Tag => "C",
            _ => "",
        };
        var terms = new StringBuilder("(");
        for (var i = 0; i < text.Terms.Count; i++)
        {
            if (i > 0)
            {
                terms.Append(" <-> ");
            }
            var prefix = text.Prefix && i == text.Terms.Count - 1 ? "*" : "";
            var label = prefix + weight;
            terms.Append('\'').Append(text.Terms[i].Replace("'", "''", StringComparison.Ordinal).Replace("\\", "\\\\", StringComparison.Ordinal)).Append('\'');
            if (label.Length > 0)
            {
                terms.Append(':').Append(label);
            }
        }
        return terms.Append(')').ToString();
    }

    /// <summary>A part as an SQL condition on the state row <c>s</c> (and the entry <c>e</c>).</summary>
    private string Condition(SearchNode node)
    {
        switch (node)
        {
            case TextMatch or AnyOf or AllOf when IsText(node):
                return MatchCondition(Parameter(_engine == DatabaseEngine.Sqlite ? Fts(node) : TsQuery(node)));
            case AnyOf any:
                return $"({string.Join(" OR ", any.Parts.Select(Condition))})";
            case AllOf all:
                return $"({string.Join(" AND ", all.Parts.Select(Condition))})";
            case Without without:
                return $"NOT ({Condition(without.Part)})";
            case StateIs state:
                return state.State switch
                {
                    EntryState.Unread => "NOT s.is_read",
                    EntryState.Read => "s.is_read",
                    EntryState.Hidden => "s.is_hidden",
                    _ => "s.is_starred",
                };
            case PublishedRange range:
                var bounds = new List<string>();
                if (range.After is { } after)
                {
                    bounds.Add($"s.published_at >= {Parameter(after.ToUnixTimeMilliseconds())}");
                }
                if (range.Before is { } before)
                {
                    bounds.Add($"s.published_at < {Parameter(before.ToUnixTimeMilliseconds())}");
                }
                return string.Join(" AND ", bounds);
            case InFeed feed:
                return _database.InList("s.feed_id", Parameter(_feedsTitled(feed.Text)));
            case InFolder folder:
                return _database.InList("s.feed_id", Parameter(_foldersTitled(folder.Text)));
            case HasLabel label:
                return $"s.entry_id IN (SELECT l.entry_id FROM entry_labels l WHERE l.user_id = s.user_id AND l.label_key = {Parameter(LabelName.Key(label.Name))})";
            case UrlContains url:
                NeedsEntry = true;
                return $@"LOWER(e.url) LIKE {Parameter("%" + Like.Escape(url.Text.ToLowerInvariant()) + "%")} ESCAPE '\'";
            default:
                throw new InvalidOperationException(node.ToString());
        }
    }

    private string Parameter(object value)
    {
        var name = "q" + (_parameters++).ToString(CultureInfo.InvariantCulture);
        Parameters.Add(name, value);
        return "@" + name;
    }
}
