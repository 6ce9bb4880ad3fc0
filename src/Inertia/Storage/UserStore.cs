using Dapper;

namespace Inertia.Storage;

/// <summary>User accounts. Names are unique ignoring case, folded here so that both engines agree.</summary>
internal sealed class UserStore(Database database)
{
    private const string Columns = "id, username, is_admin, is_disabled, created_at";

    /// <summary>Creates a user; null when the name is taken.</summary>
    public Task<User?> CreateAsync(string username, string passwordHash, bool isAdmin, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.QuerySingleOrDefaultAsync<User?>(
            $"""
            INSERT INTO users (username, username_key, password_hash, is_admin, created_at)
            VALUES (@username, @key, @passwordHash, @isAdmin, @now)
            ON CONFLICT (username_key) DO NOTHING
            RETURNING {Columns}
            """,
            new { username, key = Key(username), passwordHash, isAdmin, now }, transaction), cancellationToken);

    public Task<User?> FindAsync(string username, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync<User?>(
            $"SELECT {Columns} FROM users WHERE username_key = @key", new { key = Key(username) }), cancellationToken);

    private static string Key(string username) => username.Trim().ToLowerInvariant();
}
