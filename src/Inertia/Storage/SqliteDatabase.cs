using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Inertia.Storage;

/// <summary>
/// The embedded SQLite database. SQLite allows one writer at a time, so every write goes through one
/// connection, one at a time: concurrent refreshes and readers never see "database is locked". Readers use
/// their own connections, which WAL lets run beside the writer.
/// </summary>
internal sealed class SqliteDatabase(DatabaseSettings settings) : Database(settings)
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private SqliteConnection? _writer;

    public override string SkipLocked => "";

    public override string InList(string column, string parameter) => $"{column} IN {parameter}";

    public override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var connection = _writer ?? throw new ObjectDisposedException(nameof(SqliteDatabase));
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await write(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
            _writer = null;
        }
        _writeGate.Dispose();
    }

    protected internal override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(Settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await Pragmas(connection, "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;", cancellationToken);
        return connection;
    }

    protected override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(Settings.ConnectionString).DataSource;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        _writer = (SqliteConnection)await OpenConnectionAsync(cancellationToken);
        // WAL lets readers run beside the writer; NORMAL sync is durable across process crashes in WAL mode.
        await Pragmas(_writer, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", cancellationToken);
    }

    private static async Task Pragmas(SqliteConnection connection, string pragmas, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
