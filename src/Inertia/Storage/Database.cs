using System.Data.Common;

namespace Inertia.Storage;

/// <summary>
/// Inertia's database, SQLite or PostgreSQL, behind one small surface: reads run on their own connections,
/// writes run in a transaction. The engines differ only where SQL must (see <see cref="SkipLocked"/>).
/// </summary>
internal abstract class Database : IAsyncDisposable
{
    protected Database(DatabaseSettings settings)
    {
        Settings = settings;
        UnixMillisecondsHandler.Register();
    }

    public DatabaseSettings Settings { get; }

    public DatabaseEngine Engine => Settings.Engine;

    /// <summary>The clause that makes a claim query skip rows another worker holds (PostgreSQL), or nothing (SQLite, one writer).</summary>
    public abstract string SkipLocked { get; }

    /// <summary>
    /// A condition that <paramref name="column"/> is one of the list parameter <paramref name="parameter"/>:
    /// Dapper expands lists into <c>IN (…)</c> for SQLite but passes them as one array to PostgreSQL.
    /// </summary>
    public abstract string InList(string column, string parameter);

    /// <summary>Opens the database named by <paramref name="settings"/> and brings its schema up to date.</summary>
    public static async Task<Database> OpenAsync(DatabaseSettings settings, CancellationToken cancellationToken = default)
    {
        Database database = settings.Engine == DatabaseEngine.Sqlite ? new SqliteDatabase(settings) : new PostgresDatabase(settings);
        try
        {
            await database.InitializeAsync(cancellationToken);
            await Migrator.ApplyAsync(database, cancellationToken);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
        return database;
    }

    /// <summary>Runs a read on a connection of its own; reads never wait for writes.</summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await read(connection);
    }

    /// <summary>Runs a write in a transaction that commits when <paramref name="write"/> returns and rolls back when it throws.</summary>
    public abstract Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken = default);

    /// <summary>Whether the database answers and its schema is current.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await ReadAsync(c => Migrator.IsCurrentAsync(c), cancellationToken);
        }
        catch (DbException)
        {
            return false;
        }
    }

    public abstract ValueTask DisposeAsync();

    protected internal abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    protected abstract Task InitializeAsync(CancellationToken cancellationToken);
}
