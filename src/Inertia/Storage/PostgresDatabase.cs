using System.Data.Common;
using Npgsql;

namespace Inertia.Storage;

/// <summary>A PostgreSQL database, shared by any number of Inertia processes; connections are pooled by Npgsql.</summary>
internal sealed class PostgresDatabase(DatabaseSettings settings) : Database(settings)
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(settings.ConnectionString);

    public override string SkipLocked => " FOR UPDATE SKIP LOCKED";

    public override string InList(string column, string parameter) => $"{column} = ANY({parameter})";

    public override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken = default)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await write(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public override ValueTask DisposeAsync() => _source.DisposeAsync();

    protected internal override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _source.OpenConnectionAsync(cancellationToken);

    protected override Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
