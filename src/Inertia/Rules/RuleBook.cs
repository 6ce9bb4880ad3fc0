using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Inertia.Search;
using Inertia.Storage.Labels;
using Inertia.Storage.Rules;

namespace Inertia.Rules;

/// <summary>
/// One reader's rules, in order, ready to act on entries held in memory (<see cref="SearchSubject"/>): each rule in
/// scope whose query matches (or, keeping only, does not) does what it says, and a later rule sees what an earlier one
/// did. A rule whose query cannot be read, or whose regular expression runs out of time, is skipped for the rest of
/// the book's life and its failure kept in <see cref="Failures"/>, to be shown on its settings row; it never stops the others.
/// </summary>
internal sealed class RuleBook
{
    /// <summary>The failure of a rule whose regular expression ran out of time (<see cref="SearchQuery.RegexTimeout"/>).</summary>
    public const string TimedOut = "Its regular expression ran out of time on an entry, so the rule was skipped for the rest of that run.";

    private const int CachedQueries = 10_000;

    // Parsed queries by text, zone and minute: a refresh applies the same few rules to thousands of feeds, and parsing
    // (with its regular expressions) would cost more than matching. Ages (newer:7d) count from the minute.
    private static readonly ConcurrentDictionary<(string Text, string Zone, long Minute, TimeSpan RegexTimeout), (SearchQuery? Query, string? Error)> Parsed = new();

    private readonly List<CompiledRule> _rules;

    public RuleBook(IEnumerable<Rule> rules, DateTimeOffset now, TimeZoneInfo zone)
        : this(rules, now, zone, SearchQuery.RegexTimeout)
    {
    }

    /// <summary>A book whose regular expressions have another time limit (tests make them run out of it).</summary>
    internal RuleBook(IEnumerable<Rule> rules, DateTimeOffset now, TimeZoneInfo zone, TimeSpan regexTimeout)
    {
        _rules = rules.Where(r => r.Enabled).OrderBy(r => r.Position).ThenBy(r => r.Id).Select(r => new CompiledRule(r, Parse(r.Query, now, zone, regexTimeout))).ToList();
        foreach (var rule in _rules.Where(r => r.Query.Error is not null))
        {
            Failures[rule.Rule.Id] = rule.Query.Error!;
        }
        Starts = _rules.Where(r => r.Query.Query is not null).SelectMany(r => FirstTerms(r.Query.Query!.Root)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The terms the rules' words and phrases start with: what a <see cref="SearchSubject"/> for this book looks for.</summary>
    public IReadOnlySet<string> Starts { get; }

    /// <summary>The rules that failed, by id, with why.</summary>
    public Dictionary<long, string> Failures { get; } = [];

    /// <summary>Lets every rule in scope act on <paramref name="subject"/>; null when none changed it.</summary>
    public RuleOutcome? Apply(SearchSubject subject)
    {
        RuleOutcome? outcome = null;
        foreach (var (rule, (query, _)) in _rules)
        {
            if (query is null || Failures.ContainsKey(rule.Id) || !InScope(rule, subject))
            {
                continue;
            }
            bool matches;
            try
            {
                matches = subject.Satisfies(query.Root);
            }
            catch (RegexMatchTimeoutException)
            {
                Failures[rule.Id] = TimedOut;
                continue;
            }
            if (matches == rule.KeepOnly)
            {
                continue;
            }
            var done = Act(rule, subject);
            if (done != RuleActions.None)
            {
                outcome ??= new RuleOutcome(rule.Id);
                outcome.Done |= done;
                if (done.HasFlag(RuleActions.Label))
                {
                    outcome.Labels.Add(rule.Label!);
                }
            }
        }
        return outcome;
    }

    private static IEnumerable<string> FirstTerms(SearchNode node) => node switch
    {
        TextMatch text => [text.Terms[0]],
        AllOf all => all.Parts.SelectMany(FirstTerms),
        AnyOf any => any.Parts.SelectMany(FirstTerms),
        Without without => FirstTerms(without.Part),
        _ => [],
    };

    /// <summary>Whether <paramref name="rule"/> covers the subject's feed: all feeds, its folder or itself.</summary>
    private static bool InScope(Rule rule, SearchSubject subject) =>
        (rule.FeedId is not { } feed || feed == subject.FeedId) && (rule.FolderId is not { } folder || folder == subject.FolderId);

    /// <summary>What of the rule's actions changes the subject, done to it.</summary>
    private static RuleActions Act(Rule rule, SearchSubject subject)
    {
        var done = RuleActions.None;
        if (rule.Actions.HasFlag(RuleActions.MarkRead) && !subject.IsRead)
        {
            subject.IsRead = true;
            done |= RuleActions.MarkRead;
        }
        if (rule.Actions.HasFlag(RuleActions.Star) && !subject.IsStarred)
        {
            subject.IsStarred = true;
            done |= RuleActions.Star;
        }
        if (rule.Actions.HasFlag(RuleActions.Hide) && !subject.IsHidden)
        {
            // A hidden entry is read (unread counts leave it out).
            subject.IsHidden = true;
            subject.IsRead = true;
            done |= RuleActions.Hide;
        }
        if (rule.Actions.HasFlag(RuleActions.Label) && rule.Label is { } label && subject.LabelKeys.Add(LabelName.Key(label)))
        {
            done |= RuleActions.Label;
        }
        return done;
    }

    private static (SearchQuery?, string?) Parse(string text, DateTimeOffset now, TimeZoneInfo zone, TimeSpan regexTimeout)
    {
        var key = (text, zone.Id, now.ToUnixTimeSeconds() / 60, regexTimeout);
        if (Parsed.TryGetValue(key, out var parsed))
        {
            return parsed;
        }
        try
        {
            parsed = (SearchQuery.Parse(text, now, zone, regexTimeout), null);
        }
        catch (SearchQueryException e)
        {
            parsed = (null, e.Message);
        }
        // Counting the entries locks the whole dictionary: only done when a query is parsed, not each time one is found.
        if (Parsed.Count >= CachedQueries)
        {
            Parsed.Clear();
        }
        Parsed[key] = parsed;
        return parsed;
    }

    private sealed record CompiledRule(Rule Rule, (SearchQuery? Query, string? Error) Query);
}
