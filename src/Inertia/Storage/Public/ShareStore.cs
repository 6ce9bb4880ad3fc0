using Dapper;
using Inertia.Storage.Entries;

namespace Inertia.Storage.Public;

/// <summary>
/// Share links. A user shares an entry they can read; the link shows it to anyone while the share exists,
/// the sharer can still read the entry (follows its feed) and their account is enabled. Revoking deletes the row.
/// </summary>
internal sealed class ShareStore(Database database)
{
    /// <summary>The user's share of an entry, created if there is none; null when the user cannot read the entry.</summary>
    public Task<Share?> ShareAsync(long userId, long entryId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            if (await connection.ExecuteScalarAsync<long?>("SELECT entry_id FROM entry_states WHERE user_id = @userId AND entry_id = @entryId", new { userId, entryId }, transaction) is null)
            {
                return null;
            }
            await connection.ExecuteAsync(
                "INSERT INTO shares (code, user_id, entry_id, created_at) VALUES (@code, @userId, @entryId, @now) ON CONFLICT (user_id, entry_id) DO NOTHING",
                new { code = ShareCode.New(), userId, entryId, now }, transaction);
            return await connection.QuerySingleAsync<Share>($"{Select} WHERE sh.user_id = @userId AND sh.entry_id = @entryId", new { userId, entryId }, transaction);
        }, cancellationToken);

    /// <summary>The user's share of an entry, or null.</summary>
    public Task<Share?> FindAsync(long userId, long entryId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync<Share?>($"{Select} WHERE sh.user_id = @userId AND sh.entry_id = @entryId", new { userId, entryId }), cancellationToken);

    /// <summary>The user's shares, newest first.</summary>
    public Task<IReadOnlyList<Share>> ListAsync(long userId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<Share>>(async c => (await c.QueryAsync<Share>(
            $"{Select} WHERE sh.user_id = @userId ORDER BY sh.created_at DESC, sh.id DESC", new { userId })).ToList(), cancellationToken);

    /// <summary>Revokes one of the user's shares; false when the user has no such share.</summary>
    public Task<bool> RevokeAsync(long userId, long shareId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
            await connection.ExecuteAsync("DELETE FROM shares WHERE id = @shareId AND user_id = @userId", new { userId, shareId }, transaction) == 1, cancellationToken);

    /// <summary>The entry a code shares, or null when no live share has that code.</summary>
    public Task<EntryDetail?> ArticleAsync(string code, CancellationToken cancellationToken = default) =>
        !ShareCode.IsWellFormed(code)
            ? Task.FromResult<EntryDetail?>(null)
            : database.ReadAsync(c => c.QuerySingleOrDefaultAsync<EntryDetail?>(
                $"""
                {PublicFeedStore.ArticleSelect}
                JOIN shares sh ON sh.entry_id = e.id
                JOIN entry_states s ON s.user_id = sh.user_id AND s.entry_id = sh.entry_id
                JOIN users u ON u.id = sh.user_id
                WHERE sh.code = @code AND NOT u.is_disabled
                """, new { code }), cancellationToken);

    private const string Select =
        """
        SELECT sh.id, sh.code, sh.entry_id, sh.created_at, e.title AS entry_title, COALESCE(f.title, f.url) AS feed_title
        FROM shares sh JOIN entries e ON e.id = sh.entry_id JOIN feeds f ON f.id = e.feed_id
        """;
}
