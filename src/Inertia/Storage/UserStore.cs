using Dapper;

namespace Inertia.Storage;

/// <summary>User accounts.</summary>
internal sealed class UserStore(Database database)
{
    private const string Columns = "id, username, is_admin, is_disabled, created_at";

    /// <summary>Creates a user; null when the name is taken (names are compared case-insensitively).</summary>
    public Task<User?> CreateAsync(string username, string passwordHash, bool isAdmin, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var taken = await connection.ExecuteScalarAsync<long?>(
                "SELECT id FROM users WHERE lower(username) = lower(@username)", new { username }, transaction);
            if (taken is not null)
            {
                return null;
            }
            return await connection.QuerySingleAsync<User?>(
                $"INSERT INTO users (username, password_hash, is_admin, created_at) VALUES (@username, @passwordHash, @isAdmin, @now) RETURNING {Columns}",
                new { username, passwordHash, isAdmin, now }, transaction);
        }, cancellationToken);

    public Task<User?> FindAsync(string username, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync<User?>(
            $"SELECT {Columns} FROM users WHERE lower(username) = lower(@username)", new { username }), cancellationToken);

    public Task<User?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync<User?>($"SELECT {Columns} FROM users WHERE id = @id", new { id }), cancellationToken);

    public Task<string?> PasswordHashAsync(long id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync<string?>("SELECT password_hash FROM users WHERE id = @id", new { id }), cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM users"), cancellationToken);
}
