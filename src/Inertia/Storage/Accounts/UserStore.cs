using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using Inertia.Accounts;

namespace Inertia.Storage.Accounts;

/// <summary>User accounts and their settings. Names are unique ignoring case, folded here so that both engines agree.</summary>
internal sealed class UserStore(Database database)
{
    // Settings start at theme, which is never null: Dapper leaves a split-off object null when its first column is.
    private const string Columns =
        "id, username, is_admin, is_disabled, created_at, security_stamp, theme, language, entries_per_page, oldest_first, mark_read_on, show_read, time_zone";

    /// <summary>Creates a user; null when the name is taken.</summary>
    public Task<User?> CreateAsync(string username, string passwordHash, bool isAdmin, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        CreateAsync(username, passwordHash, isAdmin, new UserSettings(), now, cancellationToken);

    /// <summary>Creates a user with the given settings; null when the name is taken.</summary>
    public Task<User?> CreateAsync(string username, string passwordHash, bool isAdmin, UserSettings settings, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) => (await QueryUsersAsync(connection,
            $"""
            INSERT INTO users (username, username_key, password_hash, is_admin, created_at, security_stamp,
                               theme, language, entries_per_page, oldest_first, mark_read_on, show_read, time_zone)
            VALUES (@username, @key, @passwordHash, @isAdmin, @now, @stamp,
                    @Theme, @Language, @EntriesPerPage, @OldestFirst, @MarkReadOn, @ShowRead, @TimeZone)
            ON CONFLICT (username_key) DO NOTHING
            RETURNING {Columns}
            """,
            SettingsParameters(settings, new { username, key = Key(username), passwordHash, isAdmin, now, stamp = NewStamp() }),
            transaction)).SingleOrDefault(), cancellationToken);

    public Task<User?> FindAsync(string username, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async c => (await QueryUsersAsync(c, $"SELECT {Columns} FROM users WHERE username_key = @key", new { key = Key(username) })).SingleOrDefault(),
            cancellationToken);

    public Task<User?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async c => (await QueryUsersAsync(c, $"SELECT {Columns} FROM users WHERE id = @id", new { id })).SingleOrDefault(), cancellationToken);

    public Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => QueryUsersAsync(c, $"SELECT {Columns} FROM users ORDER BY username_key", null), cancellationToken);

    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(async c => await c.ExecuteScalarAsync<long?>("SELECT id FROM users LIMIT 1") is not null, cancellationToken);

    /// <summary>The user's password hash, for checking a password.</summary>
    public Task<string?> PasswordHashAsync(long id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.ExecuteScalarAsync<string?>("SELECT password_hash FROM users WHERE id = @id", new { id }), cancellationToken);

    /// <summary>Sets a new password and a new security stamp, which ends the user's other sessions; returns the new stamp.</summary>
    public Task<string?> SetPasswordAsync(long id, string passwordHash, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteScalarAsync<string?>(
            "UPDATE users SET password_hash = @passwordHash, security_stamp = @stamp WHERE id = @id RETURNING security_stamp",
            new { id, passwordHash, stamp = NewStamp() }, transaction), cancellationToken);

    /// <summary>Disables or enables an account; either ends its sessions.</summary>
    public Task<bool> SetDisabledAsync(long id, bool disabled, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(
            "UPDATE users SET is_disabled = @disabled, security_stamp = @stamp WHERE id = @id",
            new { id, disabled, stamp = NewStamp() }, transaction) == 1, cancellationToken);

    /// <summary>Deletes an account with everything that is only its own (subscriptions, folders, read and starred states).</summary>
    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
            await connection.ExecuteAsync("DELETE FROM users WHERE id = @id", new { id }, transaction) == 1, cancellationToken);

    /// <summary>How many enabled administrators there are: the last one may not be disabled or deleted.</summary>
    public Task<long> CountActiveAdminsAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE is_admin AND NOT is_disabled"), cancellationToken);

    public Task SaveSettingsAsync(long id, UserSettings settings, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            """
            UPDATE users SET theme = @Theme, language = @Language, entries_per_page = @EntriesPerPage, oldest_first = @OldestFirst,
                             mark_read_on = @MarkReadOn, show_read = @ShowRead, time_zone = @TimeZone
            WHERE id = @id
            """,
            SettingsParameters(settings, new { id }), transaction), cancellationToken);

    /// <summary>
    /// The settings as parameters named like their properties (SQLite binds names case-sensitively), enums as
    /// their lower-case names, beside <paramref name="others"/>.
    /// </summary>
    private static DynamicParameters SettingsParameters(UserSettings settings, object others)
    {
        var parameters = new DynamicParameters(others);
        parameters.AddDynamicParams(new
        {
            Theme = settings.Theme.ToString().ToLowerInvariant(),
            settings.Language,
            settings.EntriesPerPage,
            settings.OldestFirst,
            MarkReadOn = settings.MarkReadOn.ToString().ToLowerInvariant(),
            settings.ShowRead,
            settings.TimeZone,
        });
        return parameters;
    }

    private static async Task<IReadOnlyList<User>> QueryUsersAsync(DbConnection connection, string sql, object? parameters, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<User, UserSettings, User>(sql, (user, settings) => user with { Settings = settings }, parameters, transaction, splitOn: "theme")).ToList();

    private static string Key(string username) => username.Trim().ToLowerInvariant();

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
