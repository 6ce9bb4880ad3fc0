using Dapper;
using Inertia.Search;

namespace Inertia.Storage.SavedSearches;

/// <summary>
/// A reader's saved searches. Names are unique per reader without regard to case (they are compared folded); every
/// statement is scoped to the reader, so another reader's saved search is never found, changed or deleted.
/// </summary>
internal sealed class SavedSearchStore(Database database)
{
    public const int MaxNameLength = 100;

    /// <summary>Saves a search; null when the reader has one of that name already.</summary>
    public Task<long?> CreateAsync(long userId, string name, string query, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteScalarAsync<long?>(
            """
            INSERT INTO saved_searches (user_id, name, name_key, query, created_at) VALUES (@userId, @name, @key, @query, @now)
            ON CONFLICT (user_id, name_key) DO NOTHING RETURNING id
            """, new { userId, name, key = SearchText.Fold(name), query, now }, transaction), cancellationToken);

    /// <summary>The reader's saved searches, by name.</summary>
    public async Task<IReadOnlyList<SavedSearch>> ListAsync(long userId, CancellationToken cancellationToken = default) =>
        (await database.ReadAsync(c => c.QueryAsync<SavedSearch>(
            "SELECT id, user_id, name, query FROM saved_searches WHERE user_id = @userId ORDER BY name_key", new { userId }), cancellationToken)).ToList();

    public Task<SavedSearch?> GetAsync(long userId, long id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync<SavedSearch?>(
            "SELECT id, user_id, name, query FROM saved_searches WHERE user_id = @userId AND id = @id", new { userId, id }), cancellationToken);

    /// <summary>Renames a saved search and changes its query; false when there is no such search or the name is taken.</summary>
    public Task<bool> UpdateAsync(long userId, long id, string name, string query, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var key = SearchText.Fold(name);
            if (await connection.ExecuteScalarAsync<long?>("SELECT id FROM saved_searches WHERE user_id = @userId AND name_key = @key AND id <> @id", new { userId, key, id }, transaction) is not null)
            {
                return false;
            }
            return await connection.ExecuteAsync(
                "UPDATE saved_searches SET name = @name, name_key = @key, query = @query WHERE user_id = @userId AND id = @id",
                new { userId, id, name, key, query }, transaction) == 1;
        }, cancellationToken);

    public Task<bool> DeleteAsync(long userId, long id, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(
            "DELETE FROM saved_searches WHERE user_id = @userId AND id = @id", new { userId, id }, transaction) == 1, cancellationToken);
}
