using Dapper;
using Inertia.Storage;
using Npgsql;

namespace Inertia.Tests.Support;

/// <summary>
/// A fresh, real database for one test: an SQLite file in a temporary folder, or a new database on the
/// PostgreSQL server named by <c>INERTIA_TEST_POSTGRES</c> (./run-tests starts a throwaway one on
/// 127.0.0.1). PostgreSQL cases skip, saying so, when no server is configured.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "INERTIA_TEST_POSTGRES";

    private readonly string? _folder;
    private readonly string? _postgresName;

    private TestDatabase(Database database, string? folder, string? postgresName)
    {
        Database = database;
        _folder = folder;
        _postgresName = postgresName;
    }

    /// <summary>The engines storage tests run on: every storage behaviour is tested on both.</summary>
    public static TheoryData<string> Engines => new() { "sqlite", "postgres" };

    public Database Database { get; }

    public DatabaseSettings Settings => Database.Settings;

    /// <summary>The value for <c>--database</c> that names this database.</summary>
    public string CommandLineValue => Settings.ConnectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        ? Settings.ConnectionString
        : "sqlite:" + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Settings.ConnectionString).DataSource;

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static async Task<TestDatabase> CreateAsync(string engine)
    {
        if (engine == "sqlite")
        {
            var folder = Directory.CreateTempSubdirectory("inertia-db-").FullName;
            var settings = DatabaseSettings.Resolve(folder, null);
            return new TestDatabase(await Database.OpenAsync(settings), folder, null);
        }
        Skip.If(PostgresServer is null, $"PostgreSQL tests need a server in {PostgresVariable} (./run-tests starts a throwaway one on 127.0.0.1).");
        var name = "inertia_test_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(PostgresServer))
        {
            await admin.ExecuteAsync($"CREATE DATABASE {name}");
        }
        var connection = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = true }.ConnectionString;
        var postgres = new DatabaseSettings(DatabaseEngine.Postgres, connection);
        return new TestDatabase(await Database.OpenAsync(postgres), null, name);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)");
        }
    }
}
