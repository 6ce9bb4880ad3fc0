using Dapper;
using Inertia.Accounts;

namespace Inertia.Storage.Accounts;

/// <summary>Users' API passwords (Google Reader and Fever): setting one, and finding the user an app signs in as.</summary>
internal sealed class ApiCredentialStore(Database database, UserStore users)
{
    /// <summary>Sets the user's API password (replacing any other, which ends the tokens made from it); false when there is no such user.</summary>
    public Task<bool> SetAsync(long userId, ApiPassword password, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(
            "UPDATE users SET api_password_hash = @Hash, fever_key = @FeverKey WHERE id = @userId",
            new { userId, password.Hash, password.FeverKey }, transaction) == 1, cancellationToken);

    /// <summary>Whether the user has an API password.</summary>
    public Task<bool> HasAsync(long userId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async c => await c.ExecuteScalarAsync<string?>("SELECT api_password_hash FROM users WHERE id = @userId", new { userId }) is not null,
            cancellationToken);

    /// <summary>
    /// An enabled user (without reading settings, which apps do not use) and the hash of their API password, or
    /// null when the user is unknown, disabled or has none. One query: every API request makes it.
    /// </summary>
    public async Task<(User User, string Hash)?> FindAsync(string username, CancellationToken cancellationToken = default)
    {
        var rows = await database.ReadAsync(c => RowReader.ReadAsync(c,
            """
            SELECT id, username, created_at, api_password_hash FROM users
            WHERE username_key = @key AND NOT is_disabled AND api_password_hash IS NOT NULL
            """,
            new { key = username.Trim().ToLowerInvariant() },
            row => (new User { Id = row.GetInt64(0), Username = row.GetString(1), CreatedAt = row.Time(2) }, row.GetString(3))), cancellationToken);
        return rows.Count == 1 ? rows[0] : null;
    }

    /// <summary>The enabled user whose Fever key this is, or null.</summary>
    public async Task<User?> FindByFeverKeyAsync(string feverKey, CancellationToken cancellationToken = default)
    {
        var id = await database.ReadAsync(c => c.ExecuteScalarAsync<long?>(
            "SELECT id FROM users WHERE fever_key = @feverKey AND NOT is_disabled", new { feverKey = feverKey.ToLowerInvariant() }), cancellationToken);
        return id is null ? null : await users.GetAsync(id.Value, cancellationToken);
    }
}
