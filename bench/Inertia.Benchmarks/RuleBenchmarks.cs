using BenchmarkDotNet.Attributes;
using Inertia.Feeds;
using Inertia.Rules;
using Inertia.Search;
using Inertia.Storage.Rules;

namespace Inertia.Benchmarks;

/// <summary>
/// What a reader's 50 rules cost each arriving entry (docs/rules.md), beside what the merge spends on the entry's
/// search document anyway (the baseline): every entry of the shared corpus gets its document built, then meets the
/// rules, as in a refresh. The rules mix words and phrases that rarely match, Chinese, fields, prefixes, regular
/// expressions and a keep-only rule: bench/rule-queries.txt, which bench/rules.sql.py gives the refresh benchmark too.
/// </summary>
[Config(typeof(ParserConfig))]
public class RuleBenchmarks : ISizedBenchmark
{

    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private IReadOnlyList<Entry> _entries = [];
    private List<Rule> _rules = [];

    /// <summary>Which rules: all of them, or only those the index's terms answer (no regular expression, no prefix): regular expressions cost the most.</summary>
    [Params("all", "words only")]
    public string Mix { get; set; } = "all";

    [GlobalSetup]
    public void Setup()
    {
        var parser = new FeedParser();
        _entries = FeedFiles.Set("corpus").SelectMany(document =>
        {
            try
            {
                return parser.Parse(document).Entries;
            }
            catch (FeedParseException)
            {
                return [];
            }
        }).ToList();
        RuleActions[] actions = [RuleActions.MarkRead, RuleActions.Star, RuleActions.Hide, RuleActions.Label];
        var queries = RuleQueries().Where(q => Mix == "all" || (!q.StartsWith('/') && !q.EndsWith('*')));
        _rules = queries.Select((query, i) => new Rule
        {
            Id = i + 1,
            Name = "rule " + i,
            Position = i,
            Query = query,
            KeepOnly = i == 24,
            Actions = actions[i % 4],
            Label = "later",
        }).ToList();
    }

    /// <summary>The rules' queries, one a line, shared with bench/rules.sql.py (the refresh benchmark's rules).</summary>
    private static IEnumerable<string> RuleQueries()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Inertia.slnx")))
        {
            folder = folder.Parent;
        }
        var path = Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Run the benchmarks from inside the repository."), "bench", "rule-queries.txt");
        return File.ReadAllLines(path).Where(line => line.Length > 0);
    }

    public long InputBytes(string methodName) => FeedFiles.Set("corpus").Sum(d => (long)d.Length);

    [Benchmark(Baseline = true, Description = "search documents")]
    public int Documents()
    {
        var terms = 0;
        foreach (var entry in _entries)
        {
            terms += SearchDocument.Of(entry).Body.Count;
        }
        return terms;
    }

    [Benchmark(Description = "search documents + 50 rules")]
    public int DocumentsAndRules()
    {
        var book = new RuleBook(_rules, Now, TimeZoneInfo.Utc);
        var acted = 0;
        foreach (var entry in _entries)
        {
            var subject = new SearchSubject(SearchDocument.Of(entry), book.Starts) { FeedId = 1, FeedTitle = "Farm feed 1", Url = entry.Link, PublishedAt = entry.Published ?? Now };
            acted += book.Apply(subject) is null ? 0 : 1;
        }
        return acted;
    }
}
