using Dapper;

namespace Inertia.Storage;

/// <summary>Counts across the whole database.</summary>
internal sealed class StatsStore(Database database)
{
    public Task<Stats> ReadAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.QuerySingleAsync<Stats>(
            """
            SELECT (SELECT COUNT(*) FROM users) AS users,
                   (SELECT COUNT(*) FROM feeds) AS feeds,
                   (SELECT COUNT(*) FROM subscriptions) AS subscriptions,
                   (SELECT COUNT(*) FROM entries) AS entries,
                   (SELECT COUNT(*) FROM entry_states WHERE NOT is_read) AS unread,
                   (SELECT COUNT(*) FROM feeds WHERE error_count > 0 OR is_gone) AS feeds_in_error
            """), cancellationToken);
}
