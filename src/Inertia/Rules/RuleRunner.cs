using System.Data.Common;
using Dapper;
using Inertia.Search;
using Inertia.Storage;
using Inertia.Storage.Accounts;
using Inertia.Storage.Rules;

namespace Inertia.Rules;

/// <summary>
/// Runs one rule on the entries a reader already has, published in the last so many days: to try it out (what it would
/// change, nothing written) or to apply it; and all of a reader's rules on the stored entries of a feed just followed. Entries are read newest first in batches and matched in memory by the same
/// <see cref="RuleBook"/> that acts on arriving entries, so a rule tried out behaves as it will on arrival; when the
/// rule acts on what its words match, the index picks the candidates first.
/// </summary>
internal sealed class RuleRunner(Database database, SearchStore search, RuleStore rules, UserStore users)
{
    /// <summary>The furthest back a rule can be run, in days.</summary>
    public const int MaxDays = 3650;

    /// <summary>How many changed entries a run shows.</summary>
    public const int SampleSize = 20;

    private const int Batch = 500;

    /// <summary>What <paramref name="rule"/> would change among the reader's entries of the last <paramref name="days"/> days; nothing is written.</summary>
    public Task<RuleRun> TryAsync(Rule rule, int days, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken = default) =>
        RunAsync(rule.UserId, [rule with { Enabled = true }], rule.FeedId, rule.FolderId, rule, days, now, zone, write: false, cancellationToken);

    /// <summary>Applies <paramref name="rule"/> to the reader's entries of the last <paramref name="days"/> days.</summary>
    public Task<RuleRun> ApplyAsync(Rule rule, int days, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken = default) =>
        RunAsync(rule.UserId, [rule with { Enabled = true }], rule.FeedId, rule.FolderId, rule, days, now, zone, write: true, cancellationToken);

    /// <summary>
    /// Applies the reader's rules, in their order, to the entries of a feed they have just followed: a feed someone else
    /// follows already has entries that arrived before this reader, and they meet the reader's rules here, as new ones do.
    /// </summary>
    public async Task<RuleRun> ApplyToNewSubscriptionAsync(long userId, long feedId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var enabled = (await rules.ListAsync(userId, cancellationToken)).Where(r => r.Enabled).ToList();
        if (enabled.Count == 0 || await users.GetAsync(userId, cancellationToken) is not { } user)
        {
            return new RuleRun(0, [], null);
        }
        return await RunAsync(userId, enabled, feedId, null, null, MaxDays, now, user.Settings.Zone, write: true, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="ruleList"/> on the reader's entries of the last <paramref name="days"/> days, of one feed or
    /// folder when given; the index narrows the candidates to what <paramref name="narrowing"/> matches when that alone decides.
    /// </summary>
    private async Task<RuleRun> RunAsync(long userId, IReadOnlyList<Rule> ruleList, long? feedId, long? folderId, Rule? narrowing, int days, DateTimeOffset now, TimeZoneInfo zone, bool write, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var book = new RuleBook(ruleList, now, zone);
        if (narrowing is not null && book.Failures.Values.FirstOrDefault() is { } unreadable)
        {
            return new RuleRun(0, [], unreadable);
        }
        var (where, parameters) = await CandidatesAsync(userId, feedId, folderId, narrowing, now - TimeSpan.FromDays(days), now, zone, cancellationToken);
        var samples = new List<RuleRunSample>();
        var changed = 0;
        (long PublishedAt, long EntryId)? after = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = await database.ReadAsync(c => ReadBatchAsync(c, userId, where, parameters, after, book.Starts), cancellationToken);
            var outcomes = new List<(long, RuleOutcome)>();
            foreach (var candidate in batch)
            {
                if (book.Apply(candidate.Subject) is { } outcome)
                {
                    outcomes.Add((candidate.EntryId, outcome));
                    if (samples.Count < SampleSize)
                    {
                        samples.Add(new RuleRunSample(candidate.EntryId, candidate.Title, candidate.Subject.FeedTitle, candidate.Subject.PublishedAt));
                    }
                }
            }
            changed += outcomes.Count;
            if (write && outcomes.Count > 0)
            {
                await database.WriteAsync(async (connection, transaction) =>
                {
                    await RuleEffects.WriteAsync(database, connection, transaction, userId, outcomes, now);
                    return true;
                }, cancellationToken);
            }
            // A single rule that failed has nothing more to say; among several, the others go on.
            if (batch.Count < Batch || (narrowing is not null && book.Failures.Count > 0))
            {
                break;
            }
            after = (batch[^1].Subject.PublishedAt.ToUnixTimeMilliseconds(), batch[^1].EntryId);
        }
        var failure = book.Failures.Values.FirstOrDefault();
        var stored = book.Failures.Where(f => f.Key != 0).ToDictionary();
        if (write && stored.Count > 0)
        {
            await database.WriteAsync(async (connection, transaction) =>
            {
                await RuleEffects.RecordFailuresAsync(connection, transaction, stored, now);
                return true;
            }, cancellationToken);
        }
        return new RuleRun(changed, samples, failure);
    }

    /// <summary>The conditions on the reader's state rows <c>s</c> that every entry the rules may change meets.</summary>
    private async Task<(string Where, DynamicParameters Parameters)> CandidatesAsync(long userId, long? feedId, long? folderId, Rule? narrowing, DateTimeOffset since, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { userId, since = since.ToUnixTimeMilliseconds(), batch = Batch });
        var where = "s.user_id = @userId AND s.published_at >= @since";
        if (feedId is { } feed)
        {
            where += " AND s.feed_id = @feedId";
            parameters.Add("feedId", feed);
        }
        if (folderId is { } folder)
        {
            where += " AND sub.folder_id = @folderId";
            parameters.Add("folderId", folder);
        }
        if (narrowing is { KeepOnly: false })
        {
            // What the rule changes, it matches: the index's words narrow the candidates (the book decides on each).
            var compiled = await search.CompileAsync(userId, SearchQuery.Parse(narrowing.Query, now, zone), cancellationToken);
            if (compiled.Match is { } match)
            {
                where += " AND " + compiled.MatchCondition("@match");
                parameters.Add("match", match);
            }
        }
        return (where, parameters);
    }

    private async Task<List<Candidate>> ReadBatchAsync(DbConnection connection, long userId, string where, DynamicParameters parameters, (long PublishedAt, long EntryId)? after, IReadOnlySet<string> starts)
    {
        var page = new DynamicParameters(parameters);
        var keyset = "";
        if (after is { } cursor)
        {
            keyset = " AND (s.published_at, s.entry_id) < (@afterPublished, @afterId)";
            page.Add("afterPublished", cursor.PublishedAt);
            page.Add("afterId", cursor.EntryId);
        }
        var candidates = await RowReader.ReadAsync(connection,
            $"""
            SELECT s.entry_id, s.feed_id, s.published_at, s.is_read, s.is_starred, s.is_hidden, e.url, e.title, e.authors, e.categories, e.summary, e.content,
                   COALESCE(sub.title, f.title, f.url), sub.folder_id, fo.title
            FROM entry_states s
            JOIN entries e ON e.id = s.entry_id
            JOIN subscriptions sub ON sub.user_id = s.user_id AND sub.feed_id = s.feed_id
            JOIN feeds f ON f.id = s.feed_id
            LEFT JOIN folders fo ON fo.id = sub.folder_id
            WHERE {where}{keyset}
            ORDER BY s.published_at DESC, s.entry_id DESC
            LIMIT @batch
            """, page, row => new Candidate(row.GetInt64(0), row.NullableString(7), new SearchSubject(SearchDocument.OfStored(row.NullableString(7), row.NullableString(8), row.NullableString(9), row.NullableString(10), row.NullableString(11)), starts)
            {
                FeedId = row.GetInt64(1),
                PublishedAt = row.Time(2),
                IsRead = row.GetBoolean(3),
                IsStarred = row.GetBoolean(4),
                IsHidden = row.GetBoolean(5),
                Url = row.NullableString(6),
                FeedTitle = row.GetString(12),
                FolderId = row.IsDBNull(13) ? null : row.GetInt64(13),
                FolderTitle = row.NullableString(14),
            }));
        if (candidates.Count > 0)
        {
            // Rules may ask for labels (label:) and put them on (an entry already labelled so is not changed).
            var byId = candidates.ToDictionary(c => c.EntryId);
            var labels = await connection.QueryAsync<(long EntryId, string Key)>(
                $"SELECT entry_id, label_key FROM entry_labels WHERE user_id = @userId AND {database.InList("entry_id", "@ids")}",
                new { userId, ids = byId.Keys.ToList() });
            foreach (var (entryId, key) in labels)
            {
                byId[entryId].Subject.LabelKeys.Add(key);
            }
        }
        return candidates;
    }

    private sealed record Candidate(long EntryId, string? Title, SearchSubject Subject);
}
