using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Dapper;
using Inertia.SearchBench;
using Inertia.Storage;

// The whole-system search benchmark (bench/search-bench runs it per engine): real text from the shared corpus,
// N entries stored through the refresh's merge (which writes the search index), then a mix of queries timed through
// SearchStore beside a LIKE scan of the same data.
Console.OutputEncoding = Encoding.UTF8;
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    if (e.Message.Length > 0)
    {
        Console.Error.WriteLine(e.Message);
    }
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var root = RepositoryRoot();
var corpusFolder = Path.GetFullPath(options.Corpus ?? Path.Combine(root, "..", "shared", "corpus"));
if (!Directory.Exists(Path.Combine(corpusFolder, "feeds")) && !Directory.Exists(Path.Combine(corpusFolder, "zh")))
{
    Console.Error.WriteLine($"The corpus folder {corpusFolder} is missing (it should hold feeds/ and zh/): pass --corpus DIR.");
    return 2;
}
var c = CultureInfo.InvariantCulture;
var started = DateTimeOffset.UtcNow;
var now = DateTimeOffset.FromUnixTimeSeconds(started.ToUnixTimeSeconds());
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var token = cancel.Token;

var corpus = Corpus.Read(corpusFolder);
Console.WriteLine(string.Create(c, $"Corpus {corpusFolder}: {corpus.Files} files ({corpus.FailedFiles} unreadable), {corpus.CorpusEntries:N0} entries; sentences: {corpus.Chinese.Count:N0} Chinese, {corpus.English.Count:N0} English, {corpus.Other.Count:N0} other"));
if (corpus.Chinese.Count == 0 || corpus.English.Count == 0)
{
    Console.Error.WriteLine($"The corpus at {corpusFolder} gave no Chinese or no English text.");
    return 2;
}
var chinesePair = QueryMix.RareChinesePair(corpus);
var generator = new EntryGenerator(corpus, options.Seed, options.Entries, options.Feeds, chinesePair, now);
var (queries, notes) = QueryMix.Choose(generator, chinesePair);
foreach (var note in notes)
{
    Console.WriteLine("  " + note);
}

var settings = options.Engine == DatabaseEngine.Sqlite
    ? DatabaseSettings.Resolve(options.DataFolder ?? Path.Combine(root, ".build", "search-bench", "data-sqlite"), null)
    : new DatabaseSettings(DatabaseEngine.Postgres, options.Postgres!);
Console.WriteLine($"Database: {settings.Describe()}");
await using var database = await Database.OpenAsync(settings, token);
var load = await new Loader(database, generator, options, now).LoadAsync(token);
if (database.Engine == DatabaseEngine.Postgres)
{
    // What autovacuum would have done by the time a reader searches: statistics, the visibility map, GIN's pending list.
    var clock = System.Diagnostics.Stopwatch.StartNew();
    await database.ReadAsync(conn => conn.ExecuteAsync(new CommandDefinition("VACUUM (ANALYZE)", commandTimeout: 0, cancellationToken: token)), token);
    Console.WriteLine(string.Create(c, $"VACUUM (ANALYZE) took {clock.Elapsed.TotalSeconds:F1} s"));
}
var folderId = await database.ReadAsync(conn => conn.ExecuteScalarAsync<long>(
    "SELECT id FROM folders WHERE user_id = @userId AND title = @title", new { userId = load.UserId, title = QueryMix.ScopeFolder }), token);
var sizes = await Sizes.MeasureAsync(database, token);
Console.WriteLine(string.Create(c, $"Text {sizes.TextBytes / 1048576.0:F1} MB, index {sizes.IndexBytes / 1048576.0:F1} MB ({sizes.IndexMbPerTextMb:F2} MB per MB of text), database {sizes.DatabaseBytes / 1048576.0:F1} MB"));
if (options.LoadOnly)
{
    return 0;
}

var runner = new SearchRunner(database, load.UserId, folderId, now, options.Repeat, options.ScanRepeat);
var results = new List<QueryResult>();
foreach (var query in queries)
{
    var result = await runner.RunAsync(query, token);
    results.Add(result);
    Console.WriteLine(string.Create(c,
        $"  {query.Label,-24} {result.Path,-5} count {(result.CountIsLowerBound ? "≥" : "")}{result.Count,-8} p50 {result.P50Ms,8:F2} p95 {result.P95Ms,8:F2} p99 {result.P99Ms,8:F2} ms; scan p50 {result.ScanP50Ms,9:F1} ms {result.Check} {result.Skipped}{result.Error}"));
}
if (options.Explain is { } explainPath)
{
    await File.WriteAllTextAsync(explainPath, await ExplainAsync(database, runner, queries, token), token);
    Console.WriteLine($"Query plans written to {explainPath}");
}

var report = new BenchReport
{
    Engine = options.Engine == DatabaseEngine.Sqlite ? "sqlite" : "postgres",
    StartedAt = started,
    Machine = string.Create(c, $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}"),
    Entries = options.Entries,
    Feeds = options.Feeds,
    Seed = options.Seed,
    Repeat = options.Repeat,
    ScanRepeat = options.ScanRepeat,
    Corpus = new CorpusSummary(corpusFolder, corpus.Files, corpus.FailedFiles, corpus.CorpusEntries, corpus.Chinese.Count, corpus.English.Count, corpus.Other.Count),
    Load = load,
    Sizes = sizes,
    Notes = notes,
    Queries = results,
};
Console.WriteLine();
Console.Write(Report.Markdown(report));
if (options.Out is { } outPath)
{
    await Report.WriteJsonAsync(report, outPath);
    Console.WriteLine($"Results written to {outPath}");
}
return results.Any(r => r.Check == "MISMATCH") ? 1 : 0;

// The repository's root: the nearest folder up from here, or from the tool, that holds Inertia.slnx.
static string RepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Inertia.slnx")))
            {
                return folder.FullName;
            }
        }
    }
    return Directory.GetCurrentDirectory();
}

// Each search's plans: EXPLAIN QUERY PLAN on SQLite, EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL.
static async Task<string> ExplainAsync(Database database, SearchRunner runner, List<BenchQuery> queries, CancellationToken token)
{
    var text = new StringBuilder();
    var prefix = database.Engine == DatabaseEngine.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ";
    foreach (var query in queries)
    {
        var (page, count, pageParameters, countParameters, path) = await runner.PlanAsync(query, token);
        text.AppendLine(CultureInfo.InvariantCulture, $"## {query.Label}: {query.Text}{(query.FolderScoped ? " (folder)" : "")}, {path}");
        foreach (var (what, sql, parameters) in new[] { ("page", page, pageParameters), ("count", count, countParameters) })
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"### {what}").AppendLine(sql).AppendLine();
            async Task<List<string>> PlanAsync(string explain, int timeout) => await database.ReadAsync(async conn =>
            {
                var lines = new List<string>();
                await using var reader = await conn.ExecuteReaderAsync(new CommandDefinition(explain + sql, parameters, commandTimeout: timeout, cancellationToken: token));
                while (await reader.ReadAsync(token))
                {
                    lines.Add(database.Engine == DatabaseEngine.Sqlite
                        ? string.Create(CultureInfo.InvariantCulture, $"{reader.GetInt64(0),4} {reader.GetInt64(1),4} {reader.GetString(3)}")
                        : reader.GetString(0));
                }
                return lines;
            }, token);
            List<string> rows;
            try
            {
                rows = await PlanAsync(prefix, 60);
            }
            catch (System.Data.Common.DbException e) when (database.Engine == DatabaseEngine.Postgres)
            {
                // EXPLAIN ANALYZE runs the statement: one that takes over a minute gets its plan alone.
                rows = [$"(EXPLAIN ANALYZE stopped: {e.Message})", .. await PlanAsync("EXPLAIN ", 60)];
            }
            foreach (var row in rows)
            {
                text.AppendLine("    " + row);
            }
            text.AppendLine();
        }
    }
    return text.ToString();
}
