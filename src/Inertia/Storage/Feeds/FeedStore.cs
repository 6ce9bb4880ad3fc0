using Dapper;

namespace Inertia.Storage.Feeds;

/// <summary>Feeds as rows: one per feed URL, shared by every subscriber.</summary>
internal sealed class FeedStore(Database database)
{
    /// <summary>
    /// The feed stored under <paramref name="url"/>, created if there is none (then <c>Created</c> is true).
    /// A new feed is due at once, with <paramref name="initialInterval"/> until its publishing frequency is
    /// known; given a <paramref name="claim"/>, a new feed is born claimed by that owner, so that no worker
    /// fetches it before the one who created it has stored its first entries.
    /// </summary>
    public Task<(long Id, bool Created)> GetOrCreateAsync(string url, DateTimeOffset now, TimeSpan initialInterval, FeedClaim? claim = null, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var created = await connection.ExecuteScalarAsync<long?>(
                """
                INSERT INTO feeds (url, created_at, next_check_at, check_interval_seconds, lease_owner, lease_until)
                VALUES (@url, @now, @now, @interval, @owner, @until)
                ON CONFLICT (url) DO NOTHING
                RETURNING id
                """,
                new { url, now, interval = (int)initialInterval.TotalSeconds, owner = claim?.Owner, until = claim is null ? (DateTimeOffset?)null : now + claim.Lease },
                transaction);
            return created is { } id
                ? (id, true)
                : (await connection.ExecuteScalarAsync<long>("SELECT id FROM feeds WHERE url = @url", new { url }, transaction), false);
        }, cancellationToken);

    public Task<FeedRecord?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync<FeedRecord?>("SELECT * FROM feeds WHERE id = @id", new { id }), cancellationToken);

    public Task<FeedRecord?> FindByUrlAsync(string url, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync<FeedRecord?>("SELECT * FROM feeds WHERE url = @url", new { url }), cancellationToken);

    /// <summary>The ids of every feed that at least one active user follows.</summary>
    public Task<IReadOnlyList<long>> FollowedIdsAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<long>>(async c => (await c.QueryAsync<long>(
            """
            SELECT f.id FROM feeds f
            WHERE NOT f.is_gone AND EXISTS (SELECT 1 FROM subscriptions s JOIN users u ON u.id = s.user_id WHERE s.feed_id = f.id AND NOT u.is_disabled)
            ORDER BY f.id
            """)).ToList(), cancellationToken);
}
