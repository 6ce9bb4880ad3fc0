using System.Data.Common;
using Dapper;

namespace Inertia.Storage.Rules;

/// <summary>
/// A reader's rules. Every statement is scoped to the reader: another reader's rule is never listed, changed or run,
/// and a rule can only be for a feed the reader follows or a folder the reader has.
/// </summary>
internal sealed class RuleStore(Database database)
{
    public const int MaxNameLength = 100;

    /// <summary>The most rules one reader may have.</summary>
    public const int MaxRules = 200;

    /// <summary>The columns of a rule (<c>r</c>) that <see cref="Row"/> reads.</summary>
    public const string RuleColumns =
        """
        r.id, r.user_id, r.name, r.position, r.enabled, r.query, r.feed_id, r.folder_id, r.keep_only, r.mark_read, r.star, r.hide, r.label,
        r.miniflux, r.pattern, r.last_error, r.last_error_at
        """;

    private const string Columns = $"{RuleColumns}, COALESCE(sub.title, f.title, f.url, fo.title) AS scope_title";

    private const string From =
        """
        FROM rules r
        LEFT JOIN subscriptions sub ON sub.user_id = r.user_id AND sub.feed_id = r.feed_id
        LEFT JOIN feeds f ON f.id = r.feed_id
        LEFT JOIN folders fo ON fo.id = r.folder_id
        """;

    /// <summary>The reader's rules, in the order they run.</summary>
    public async Task<IReadOnlyList<Rule>> ListAsync(long userId, CancellationToken cancellationToken = default) =>
        (await database.ReadAsync(c => c.QueryAsync<Row>($"SELECT {Columns} {From} WHERE r.user_id = @userId ORDER BY r.position, r.id", new { userId }), cancellationToken))
            .Select(r => r.ToRule()).ToList();

    public async Task<Rule?> GetAsync(long userId, long id, CancellationToken cancellationToken = default) =>
        (await database.ReadAsync(c => c.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} {From} WHERE r.user_id = @userId AND r.id = @id", new { userId, id }), cancellationToken))?.ToRule();

    /// <summary>Adds a rule after the reader's others; null when its feed or folder is not the reader's, or the reader has <see cref="MaxRules"/>.</summary>
    public Task<long?> CreateAsync(long userId, RuleDraft draft, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => InsertAsync(connection, transaction, userId, draft, null, now), cancellationToken);

    /// <summary>Changes a rule (its last failure is forgotten); false when there is no such rule or its feed or folder is not the reader's.</summary>
    public Task<bool> UpdateAsync(long userId, long id, RuleDraft draft, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            if (!await OwnsScopeAsync(connection, transaction, userId, draft))
            {
                return false;
            }
            return await connection.ExecuteAsync(
                """
                UPDATE rules SET name = @Name, query = @Query, feed_id = @FeedId, folder_id = @FolderId, keep_only = @KeepOnly,
                    mark_read = @markRead, star = @star, hide = @hide, label = @label, enabled = @Enabled, miniflux = NULL, pattern = NULL,
                    last_error = NULL, last_error_at = NULL, updated_at = @now
                WHERE user_id = @userId AND id = @id
                """, Parameters(draft, new { userId, id, now }), transaction) == 1;
        }, cancellationToken);

    public Task<bool> DeleteAsync(long userId, long id, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(
            "DELETE FROM rules WHERE user_id = @userId AND id = @id", new { userId, id }, transaction) == 1, cancellationToken);

    public Task<bool> SetEnabledAsync(long userId, long id, bool enabled, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(
            "UPDATE rules SET enabled = @enabled, updated_at = @now WHERE user_id = @userId AND id = @id", new { userId, id, enabled, now }, transaction) == 1, cancellationToken);

    /// <summary>Moves a rule one place earlier (<paramref name="earlier"/>) or later in the order; false when it is already first or last, or not the reader's.</summary>
    public Task<bool> MoveAsync(long userId, long id, bool earlier, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var order = (await connection.QueryAsync<long>("SELECT id FROM rules WHERE user_id = @userId ORDER BY position, id", new { userId }, transaction)).ToList();
            var at = order.IndexOf(id);
            var to = earlier ? at - 1 : at + 1;
            if (at < 0 || to < 0 || to >= order.Count)
            {
                return false;
            }
            (order[at], order[to]) = (order[to], order[at]);
            // Positions are renumbered from 1, which also mends ties left by rules added at once.
            await connection.ExecuteAsync("UPDATE rules SET position = @position WHERE id = @id",
                order.Select((ruleId, i) => new { id = ruleId, position = i + 1 }), transaction);
            return true;
        }, cancellationToken);

    /// <summary>What rules did to one of the reader's entries and the first rule that acted on it; null when no rule did.</summary>
    public Task<RuleMark?> MarkOfAsync(long userId, long entryId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async c => await c.QuerySingleOrDefaultAsync<(long RuleId, string? Name, int Done)?>(
            """
            SELECT s.rule_id, r.name, s.rule_actions FROM entry_states s LEFT JOIN rules r ON r.id = s.rule_id AND r.user_id = s.user_id
            WHERE s.user_id = @userId AND s.entry_id = @entryId AND s.rule_id IS NOT NULL
            """, new { userId, entryId }) is { } row ? new RuleMark(row.RuleId, row.Name, (RuleActions)row.Done) : null, cancellationToken);

    /// <summary>The Miniflux fields of the reader's feeds among <paramref name="feedIds"/> that rules stand for.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<MinifluxRule>>> MinifluxRulesAsync(long userId, IReadOnlyCollection<long> feedIds, CancellationToken cancellationToken = default)
    {
        if (feedIds.Count == 0)
        {
            return new Dictionary<long, IReadOnlyList<MinifluxRule>>();
        }
        var rows = await database.ReadAsync(c => c.QueryAsync<(long FeedId, string Miniflux, string Pattern)>(
            $"SELECT feed_id, miniflux, pattern FROM rules WHERE user_id = @userId AND miniflux IS NOT NULL AND {database.InList("feed_id", "@feedIds")}",
            new { userId, feedIds = feedIds.ToList() }), cancellationToken);
        return rows.GroupBy(r => r.FeedId).ToDictionary(g => g.Key, g => (IReadOnlyList<MinifluxRule>)g.Select(r => new MinifluxRule(Enum.Parse<MinifluxRuleKind>(r.Miniflux, ignoreCase: true), r.Pattern)).ToList());
    }

    /// <summary>
    /// Sets a feed's Miniflux field to <paramref name="pattern"/> (a regular expression the caller has checked), or removes
    /// it when empty: the rule that stands for it is replaced. A block list hides what matches; a keep list hides the rest.
    /// </summary>
    public Task SetMinifluxRuleAsync(long userId, long feedId, MinifluxRuleKind kind, string pattern, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var name = kind.ToString().ToLowerInvariant();
            await connection.ExecuteAsync("DELETE FROM rules WHERE user_id = @userId AND feed_id = @feedId AND miniflux = @name", new { userId, feedId, name }, transaction);
            if (pattern.Length > 0)
            {
                var draft = new RuleDraft(kind == MinifluxRuleKind.Blocklist ? "Miniflux block list" : "Miniflux keep list", MinifluxQuery(pattern))
                {
                    FeedId = feedId,
                    KeepOnly = kind == MinifluxRuleKind.Keeplist,
                    Actions = RuleActions.Hide,
                };
                await InsertAsync(connection, transaction, userId, draft, new MinifluxRule(kind, pattern), now);
            }
            return true;
        }, cancellationToken);

    /// <summary>The search query of a Miniflux pattern: the regular expression between slashes, its own slashes escaped.</summary>
    public static string MinifluxQuery(string pattern) => "/" + pattern.Replace("/", "\\/", StringComparison.Ordinal) + "/";

    public static RuleActions ActionsOf(bool markRead, bool star, bool hide, string? label) =>
        (markRead ? RuleActions.MarkRead : 0) | (star ? RuleActions.Star : 0) | (hide ? RuleActions.Hide : 0) | (label is null ? 0 : RuleActions.Label);

    private static async Task<long?> InsertAsync(DbConnection connection, DbTransaction transaction, long userId, RuleDraft draft, MinifluxRule? miniflux, DateTimeOffset now)
    {
        if (!await OwnsScopeAsync(connection, transaction, userId, draft)
            || await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM rules WHERE user_id = @userId", new { userId }, transaction) >= MaxRules)
        {
            return null;
        }
        return await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO rules (user_id, name, position, enabled, query, feed_id, folder_id, keep_only, mark_read, star, hide, label, miniflux, pattern, created_at, updated_at)
            VALUES (@userId, @Name, (SELECT COALESCE(MAX(position), 0) + 1 FROM rules WHERE user_id = @userId), @Enabled, @Query, @FeedId, @FolderId, @KeepOnly,
                    @markRead, @star, @hide, @label, @miniflux, @pattern, @now, @now)
            RETURNING id
            """, Parameters(draft, new { userId, now, miniflux = miniflux?.Kind.ToString().ToLowerInvariant(), pattern = miniflux?.Pattern }), transaction);
    }

    /// <summary>Whether the draft's feed is one the reader follows and its folder one the reader has.</summary>
    private static async Task<bool> OwnsScopeAsync(DbConnection connection, DbTransaction transaction, long userId, RuleDraft draft) =>
        (draft.FeedId is not { } feedId || await connection.ExecuteScalarAsync<long?>("SELECT id FROM subscriptions WHERE user_id = @userId AND feed_id = @feedId", new { userId, feedId }, transaction) is not null)
        && (draft.FolderId is not { } folderId || await connection.ExecuteScalarAsync<long?>("SELECT id FROM folders WHERE user_id = @userId AND id = @folderId", new { userId, folderId }, transaction) is not null);

    private static DynamicParameters Parameters(RuleDraft draft, object extra)
    {
        var parameters = new DynamicParameters(extra);
        parameters.AddDynamicParams(new
        {
            draft.Name,
            draft.Query,
            draft.FeedId,
            draft.FolderId,
            draft.KeepOnly,
            draft.Enabled,
            markRead = draft.Actions.HasFlag(RuleActions.MarkRead),
            star = draft.Actions.HasFlag(RuleActions.Star),
            hide = draft.Actions.HasFlag(RuleActions.Hide),
            label = draft.Actions.HasFlag(RuleActions.Label) ? draft.Label : null,
        });
        return parameters;
    }

    /// <summary>A rule as stored (<see cref="RuleColumns"/>, and the title of its scope when asked for).</summary>
    internal sealed record Row
    {
        public long Id { get; init; }
        public long UserId { get; init; }
        public string Name { get; init; } = "";
        public int Position { get; init; }
        public bool Enabled { get; init; }
        public string Query { get; init; } = "";
        public long? FeedId { get; init; }
        public long? FolderId { get; init; }
        public bool KeepOnly { get; init; }
        public bool MarkRead { get; init; }
        public bool Star { get; init; }
        public bool Hide { get; init; }
        public string? Label { get; init; }
        public string? Miniflux { get; init; }
        public string? Pattern { get; init; }
        public string? LastError { get; init; }
        public DateTimeOffset? LastErrorAt { get; init; }
        public string? ScopeTitle { get; init; }

        public Rule ToRule() => new()
        {
            Id = Id,
            UserId = UserId,
            Name = Name,
            Position = Position,
            Enabled = Enabled,
            Query = Query,
            FeedId = FeedId,
            FolderId = FolderId,
            KeepOnly = KeepOnly,
            Actions = ActionsOf(MarkRead, Star, Hide, Label),
            Label = Label,
            Miniflux = Miniflux is null || Pattern is null ? null : new MinifluxRule(Enum.Parse<MinifluxRuleKind>(Miniflux, ignoreCase: true), Pattern),
            LastError = LastError,
            LastErrorAt = LastErrorAt,
            ScopeTitle = ScopeTitle,
        };
    }
}
