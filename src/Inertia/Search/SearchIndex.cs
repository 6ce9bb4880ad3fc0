using System.Data.Common;
using Inertia.Storage;

namespace Inertia.Search;

/// <summary>
/// Writes entries' <see cref="SearchDocument"/>s into the search index, inside the transaction that writes the
/// entries themselves, so that the index is never behind what is stored. Deleting an entry deletes its index
/// row in the database (a trigger on SQLite, a cascade on PostgreSQL), whichever path deletes it.
/// </summary>
internal static class SearchIndex
{
    private const string SqliteInsert = "INSERT OR REPLACE INTO entry_search (rowid, title, author, tags, body) VALUES (@id, @title, @author, @tags, @body)";

    private const string PostgresInsert =
        "INSERT INTO entry_search (entry_id, doc) VALUES (@id, CAST(@doc AS tsvector)) ON CONFLICT (entry_id) DO UPDATE SET doc = EXCLUDED.doc";

    /// <summary>Indexes (or indexes again) each entry by its id.</summary>
    public static async Task WriteAsync(Database database, DbConnection connection, DbTransaction transaction, IReadOnlyList<(long Id, SearchDocument Document)> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0)
        {
            return;
        }
        if (database.Engine == DatabaseEngine.Postgres)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var (id, document) in documents)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = PostgresInsert;
                Add(command.Parameters, command.CreateParameter(), "@id", id);
                Add(command.Parameters, command.CreateParameter(), "@doc", document.ToTsVector());
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return;
        }
        // SQLite runs in the process: one prepared statement, bound again for each entry.
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = SqliteInsert;
        string[] names = ["@id", "@title", "@author", "@tags", "@body"];
        foreach (var name in names)
        {
            Add(insert.Parameters, insert.CreateParameter(), name, null);
        }
        foreach (var (id, document) in documents)
        {
            insert.Parameters[0].Value = id;
            insert.Parameters[1].Value = SearchDocument.Column(document.Title);
            insert.Parameters[2].Value = SearchDocument.Column(document.Author);
            insert.Parameters[3].Value = SearchDocument.Column(document.Tags);
            insert.Parameters[4].Value = SearchDocument.Column(document.Body);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void Add(DbParameterCollection parameters, DbParameter parameter, string name, object? value)
    {
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        parameters.Add(parameter);
    }
}
