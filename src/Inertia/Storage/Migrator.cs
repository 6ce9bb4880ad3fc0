using System.Data.Common;
using System.Reflection;
using Dapper;

namespace Inertia.Storage;

/// <summary>
/// Versioned schema migrations, applied on start: numbered SQL scripts per engine, embedded in the
/// executable (Storage/Migrations/&lt;Engine&gt;/NNNN_name.sql), each applied once in its own transaction
/// and recorded in <c>schema_migrations</c>. On PostgreSQL an advisory lock keeps several starting
/// processes from migrating at once.
/// </summary>
internal static class Migrator
{
    private const long PostgresLockKey = 0x1E27_1A00;

    private sealed record Script(int Version, string Name, string Sql);

    public static async Task ApplyAsync(Database database, CancellationToken cancellationToken)
    {
        var scripts = Scripts(database.Engine);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (database.Engine == DatabaseEngine.Postgres)
        {
            await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = PostgresLockKey });
        }
        try
        {
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
            foreach (var script in scripts)
            {
                // Checked inside the script's own transaction (on SQLite an immediate one, which takes the write
                // lock), so that processes starting together on a new database apply each script once.
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                if (await connection.ExecuteScalarAsync<int?>("SELECT version FROM schema_migrations WHERE version = @Version", new { script.Version }, transaction) is not null)
                {
                    continue;
                }
                await connection.ExecuteAsync(script.Sql, transaction: transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @now)",
                    new { script.Version, script.Name, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, transaction);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (database.Engine == DatabaseEngine.Postgres)
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = PostgresLockKey });
            }
        }
    }

    /// <summary>Whether every script this build knows has been applied.</summary>
    public static async Task<bool> IsCurrentAsync(DbConnection connection)
    {
        var latest = await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_migrations");
        var engine = connection is Microsoft.Data.Sqlite.SqliteConnection ? DatabaseEngine.Sqlite : DatabaseEngine.Postgres;
        return latest == Scripts(engine)[^1].Version;
    }

    private static List<Script> Scripts(DatabaseEngine engine)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var prefix = $"Migrations/{engine}/";
        var scripts = new List<Script>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource[prefix.Length..^".sql".Length];
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            scripts.Add(new Script(int.Parse(name[..4], System.Globalization.CultureInfo.InvariantCulture), name, reader.ReadToEnd()));
        }
        return scripts;
    }
}
