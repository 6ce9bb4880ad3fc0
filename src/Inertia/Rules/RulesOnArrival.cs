using System.Data.Common;
using Dapper;
using Inertia.Accounts;
using Inertia.Search;
using Inertia.Storage;
using Inertia.Storage.Rules;

namespace Inertia.Rules;

/// <summary>
/// Each subscriber's rules on a feed's arriving entries: a feed is fetched once, and each reader's rules act on that
/// reader's own state rows. The rules are read and matched before the merge takes the writer (<see cref="PrepareAsync"/>),
/// against the search documents the merge builds anyway, so a refresh pays no query per rule and SQLite's single writer
/// waits for none of it; what they decided is written inside the merge, for the entries that turn out to be new
/// (<see cref="WriteAsync"/>), so that no entry is ever stored without its rules applied.
/// </summary>
internal sealed class RulesOnArrival
{
    private readonly List<(long UserId, Dictionary<string, RuleOutcome> ByGuid)> _readers;
    private readonly Dictionary<long, string> _failures;

    private RulesOnArrival(List<(long, Dictionary<string, RuleOutcome>)> readers, Dictionary<long, string> failures)
    {
        _readers = readers;
        _failures = failures;
    }

    /// <summary>
    /// Matches every entry of the fetched document against the rules of the feed's subscribers; null when none has a
    /// rule for this feed. Entries already stored are matched too (which are new is known only inside the merge).
    /// </summary>
    public static async Task<RulesOnArrival?> PrepareAsync(Database database, long feedId, IReadOnlyList<Arriving> entries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return null;
        }
        var rules = await database.ReadAsync(async c => (await c.QueryAsync<RuleStore.Row, Subscriber, (Rule Rule, Subscriber Subscriber)>(
            $"""
            SELECT {RuleStore.RuleColumns}, u.time_zone, sub.folder_id AS subscription_folder_id, COALESCE(sub.title, f.title, f.url) AS feed_title, fo.title AS folder_title
            FROM subscriptions sub
            JOIN rules r ON r.user_id = sub.user_id
            JOIN users u ON u.id = sub.user_id
            JOIN feeds f ON f.id = sub.feed_id
            LEFT JOIN folders fo ON fo.id = sub.folder_id
            WHERE sub.feed_id = @feedId AND r.enabled
              AND (r.feed_id IS NULL OR r.feed_id = sub.feed_id) AND (r.folder_id IS NULL OR r.folder_id = sub.folder_id)
            """, (rule, subscriber) => (rule.ToRule(), subscriber), new { feedId }, splitOn: "time_zone")).ToList(), cancellationToken);
        if (rules.Count == 0)
        {
            return null;
        }
        var readers = new List<(long, Dictionary<string, RuleOutcome>)>();
        var failures = new Dictionary<long, string>();
        foreach (var reader in rules.GroupBy(r => r.Rule.UserId))
        {
            var subscriber = reader.First().Subscriber;
            var book = new RuleBook(reader.Select(r => r.Rule), now, new UserSettings { TimeZone = subscriber.TimeZone }.Zone);
            var outcomes = new Dictionary<string, RuleOutcome>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var subject = new SearchSubject(entry.Document, book.Starts)
                {
                    FeedId = feedId,
                    FeedTitle = subscriber.FeedTitle,
                    FolderId = subscriber.SubscriptionFolderId,
                    FolderTitle = subscriber.FolderTitle,
                    Url = entry.Url,
                    PublishedAt = entry.PublishedAt,
                };
                if (book.Apply(subject) is { } outcome)
                {
                    outcomes[entry.Guid] = outcome;
                }
            }
            readers.Add((reader.Key, outcomes));
            foreach (var (id, error) in book.Failures)
            {
                failures[id] = error;
            }
        }
        return new RulesOnArrival(readers, failures);
    }

    /// <summary>Writes what the rules decided for the entries the merge inserted (id and the feed's entry id), and why rules failed.</summary>
    public async Task WriteAsync(Database database, DbConnection connection, DbTransaction transaction, IReadOnlyList<(long Id, string Guid)> inserted, DateTimeOffset now)
    {
        foreach (var (userId, byGuid) in _readers)
        {
            var outcomes = inserted.Where(e => byGuid.ContainsKey(e.Guid)).Select(e => (e.Id, byGuid[e.Guid])).ToList();
            await RuleEffects.WriteAsync(database, connection, transaction, userId, outcomes, now);
        }
        await RuleEffects.RecordFailuresAsync(connection, transaction, _failures, now);
    }

    /// <summary>An entry of a fetched document: the feed's id for it, its address, its date and its search document.</summary>
    internal sealed record Arriving(string Guid, string? Url, DateTimeOffset PublishedAt, SearchDocument Document);

    /// <summary>The subscription a rule meets an arriving entry through: the reader's zone, folder and names.</summary>
    private sealed record Subscriber
    {
        public string TimeZone { get; init; } = "UTC";
        public long? SubscriptionFolderId { get; init; }
        public string FeedTitle { get; init; } = "";
        public string? FolderTitle { get; init; }
    }
}
