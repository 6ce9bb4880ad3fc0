using Dapper;

namespace Inertia.Storage.Subscriptions;

/// <summary>A user's folders. Titles are unique per user; deleting a folder moves its feeds out of it, it unsubscribes none.</summary>
internal sealed class FolderStore(Database database)
{
    public Task<IReadOnlyList<Folder>> ListAsync(long userId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<Folder>>(async c => (await c.QueryAsync<Folder>(
            "SELECT id, title FROM folders WHERE user_id = @userId ORDER BY title", new { userId })).ToList(), cancellationToken);

    public Task<Folder?> GetAsync(long userId, long folderId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync<Folder?>(
            "SELECT id, title FROM folders WHERE user_id = @userId AND id = @folderId", new { userId, folderId }), cancellationToken);

    /// <summary>Creates a folder; null when the user has one of that title already.</summary>
    public Task<long?> CreateAsync(long userId, string title, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteScalarAsync<long?>(
            "INSERT INTO folders (user_id, title, created_at) VALUES (@userId, @title, @now) ON CONFLICT (user_id, title) DO NOTHING RETURNING id",
            new { userId, title = title.Trim(), now }, transaction), cancellationToken);

    /// <summary>Renames a folder; false when there is no such folder or the new title is taken.</summary>
    public Task<bool> RenameAsync(long userId, long folderId, string title, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(
            """
            UPDATE folders SET title = @title
            WHERE user_id = @userId AND id = @folderId
              AND NOT EXISTS (SELECT 1 FROM folders other WHERE other.user_id = @userId AND other.title = @title AND other.id <> @folderId)
            """, new { userId, folderId, title = title.Trim() }, transaction) == 1, cancellationToken);

    public Task<bool> DeleteAsync(long userId, long folderId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(
            "DELETE FROM folders WHERE user_id = @userId AND id = @folderId", new { userId, folderId }, transaction) == 1, cancellationToken);
}
