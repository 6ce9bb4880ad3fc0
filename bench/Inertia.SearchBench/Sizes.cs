using System.Diagnostics;
using System.Globalization;
using Dapper;
using Inertia.Storage;

namespace Inertia.SearchBench;

/// <summary>How big the index is beside the text it indexes.</summary>
internal sealed record SizeResult
{
    public long Entries { get; init; }
    public long TextChars { get; init; }
    public long TextBytes { get; init; }
    public long IndexBytes { get; init; }

    /// <summary>How the index was measured (dbstat, or the whole file when dbstat is missing; pg_total_relation_size).</summary>
    public required string IndexMeasure { get; init; }
    public long DatabaseBytes { get; init; }
    public double IndexMbPerTextMb => TextBytes > 0 ? (double)IndexBytes / TextBytes : 0;
}

internal static class Sizes
{
    private const string Characters = "SELECT COUNT(*), SUM(LENGTH(title)) + SUM(LENGTH(content)) + SUM(COALESCE(LENGTH(summary), 0)), ";

    public static async Task<SizeResult> MeasureAsync(Database database, CancellationToken cancellationToken)
    {
        if (database.Engine == DatabaseEngine.Postgres)
        {
            var (entries, chars, bytes) = await database.ReadAsync(c => c.QuerySingleAsync<(long, long, long)>(new CommandDefinition(
                Characters + "SUM(octet_length(title)) + SUM(octet_length(content)) + SUM(COALESCE(octet_length(summary), 0)) FROM entries",
                commandTimeout: 0, cancellationToken: cancellationToken)), cancellationToken);
            var (index, total) = await database.ReadAsync(c => c.QuerySingleAsync<(long, long)>(
                "SELECT pg_total_relation_size('entry_search'), pg_database_size(current_database())"), cancellationToken);
            return new SizeResult { Entries = entries, TextChars = chars, TextBytes = bytes, IndexBytes = index, IndexMeasure = "pg_total_relation_size('entry_search') (table, TOAST and GIN index)", DatabaseBytes = total };
        }
        var (count, characters, size) = await database.ReadAsync(c => c.QuerySingleAsync<(long, long, long)>(new CommandDefinition(
            Characters + "SUM(LENGTH(CAST(title AS BLOB))) + SUM(LENGTH(CAST(content AS BLOB))) + SUM(COALESCE(LENGTH(CAST(summary AS BLOB)), 0)) FROM entries",
            cancellationToken: cancellationToken)), cancellationToken);
        var fileBytes = await database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"), cancellationToken);
        try
        {
            var shadow = await database.ReadAsync(async c =>
            {
                var names = (await c.QueryAsync<string>("SELECT name FROM sqlite_master WHERE name LIKE 'entry_search%' AND rootpage > 0")).ToList();
                long sum = 0;
                foreach (var name in names)
                {
                    sum += await c.ExecuteScalarAsync<long?>("SELECT SUM(pgsize) FROM dbstat WHERE name = @name", new { name }) ?? 0;
                }
                return (sum, names);
            }, cancellationToken);
            return new SizeResult
            {
                Entries = count,
                TextChars = characters,
                TextBytes = size,
                IndexBytes = shadow.sum,
                IndexMeasure = "dbstat: " + string.Join(" + ", shadow.names),
                DatabaseBytes = fileBytes,
            };
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (e.Message.Contains("dbstat", StringComparison.OrdinalIgnoreCase))
        {
            // This build of SQLite has no dbstat; the sqlite3 shell often has, and reading the pages changes nothing.
            // (Page by page, not dbstat's aggregate mode: before SQLite 3.4x its sums overflow past 2 GB.)
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.Settings.ConnectionString).DataSource;
            var names = await database.ReadAsync(c => c.QueryAsync<string>("SELECT name FROM sqlite_master WHERE name LIKE 'entry_search%' AND rootpage > 0"), cancellationToken);
            if (await ShellDbstatAsync(file, names.ToList(), cancellationToken) is { } shell)
            {
                return new SizeResult { Entries = count, TextChars = characters, TextBytes = size, IndexBytes = shell.Bytes, IndexMeasure = "dbstat (sqlite3 shell): " + shell.Names, DatabaseBytes = fileBytes };
            }
            return new SizeResult
            {
                Entries = count,
                TextChars = characters,
                TextBytes = size,
                IndexBytes = fileBytes,
                IndexMeasure = "dbstat is not available: the whole file (page_count * page_size), an upper bound",
                DatabaseBytes = fileBytes,
            };
        }
    }

    /// <summary>The pages of the index's shadow tables by the sqlite3 shell's dbstat, read only; null when there is no such shell.</summary>
    private static async Task<(long Bytes, string Names)?> ShellDbstatAsync(string file, List<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
        {
            return null;
        }
        // One table at a time (dbstat walks only the b-tree it is asked for by name).
        var query = string.Join(" UNION ALL ", names.Select(n => $"SELECT '{n}', SUM(pgsize) FROM dbstat WHERE name = '{n}'"));
        try
        {
            var start = new ProcessStartInfo("sqlite3") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-readonly", "-separator", "|", file, query })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                return null;
            }
            var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('|')).Where(r => r.Length == 2).ToList();
            return rows.Count == 0 ? null : (rows.Sum(r => long.Parse(r[1], CultureInfo.InvariantCulture)), string.Join(" + ", rows.Select(r => r[0])));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
