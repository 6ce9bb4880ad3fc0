using System.Data.Common;
using System.Diagnostics;
using System.Text;
using Dapper;
using Inertia.Search;
using Inertia.Storage;

namespace Inertia.SearchBench;

/// <summary>What one query measured.</summary>
internal sealed record QueryResult
{
    public required string Label { get; init; }
    public required string Text { get; init; }
    public bool FolderScoped { get; init; }
    public double? SampleShare { get; init; }

    /// <summary>How the search read it (<see cref="SearchPath"/>): IndexFirst, DatesAgainstMatches or DatesAskingTheIndex.</summary>
    public required string Path { get; init; }

    /// <summary>The index's matches across all users, counted as the search does, up to its limit.</summary>
    public int IndexMatches { get; init; }

    public long? Count { get; init; }
    public bool CountIsLowerBound { get; init; }
    public int FirstPage { get; init; }
    public double? WarmUpMs { get; init; }

    /// <summary>The timed runs (fewer than asked for when the warm-up took over a second).</summary>
    public required double[] TimesMs { get; init; }
    public double? P50Ms { get; init; }
    public double? P95Ms { get; init; }
    public double? P99Ms { get; init; }
    public double[] ScanTimesMs { get; init; } = [];
    public double? ScanP50Ms { get; init; }
    public double? Ratio => ScanP50Ms is > 0 && P50Ms is { } p50 ? p50 / ScanP50Ms : null;
    public long? ScanCount { get; init; }

    /// <summary>Where a search's time goes (p50 of a few runs of each statement alone): choosing the path, the page, the count.</summary>
    public double? IndexCountMs { get; init; }
    public double? PageSqlMs { get; init; }
    public double? CountSqlMs { get; init; }

    /// <summary>For substring queries: "OK" when the search and the scan agree on the count and the first page, else "MISMATCH".</summary>
    public string? Check { get; init; }
    public string? CheckDetail { get; init; }

    /// <summary>Why the search was not timed (a walk whose every step is slow), or the error it failed with.</summary>
    public string? Skipped { get; init; }
    public string? Error { get; init; }
}

/// <summary>
/// Times each query through <see cref="SearchStore.SearchAsync"/> (parsing included, as a request would), once to
/// warm up and then <c>repeat</c> times, and times the LIKE scan of the same data beside it; for substring queries,
/// checks that both find the same entries.
/// </summary>
internal sealed class SearchRunner(Database database, long userId, long folderId, DateTimeOffset now, int repeat, int scanRepeat)
{
    private const int PageSize = 50;
    private const double SlowMs = 1000;
    private const double ProbeLimitMs = 50;
    private readonly SearchStore _store = new(database);

    public async Task<QueryResult> RunAsync(BenchQuery query, CancellationToken cancellationToken)
    {
        var request = Request(query);
        var compiled = await _store.CompileAsync(userId, request.Query, cancellationToken);
        int? indexMatches = compiled.Match is { } match ? await CountIndexMatchesAsync(match, cancellationToken) : null;
        var path = _store.PathFor(indexMatches, request.FolderId is not null || compiled.Narrowed);
        string? skipped = null;
        if (path == SearchPath.DatesAskingTheIndex && compiled.Match is { } walkMatch)
        {
            // A walk checks entries against the index one by one: at least a page's worth, and on to 1,001 matches for the
            // count. When one check alone is slow, the search would run for minutes, and SQLite cannot be interrupted.
            var probeMs = await ProbeAsync(walkMatch, query.FolderScoped, cancellationToken);
            if (probeMs > ProbeLimitMs)
            {
                skipped = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"not run: asking the index about one entry took {probeMs:F0} ms, and this path asks about every entry it walks, at least {PageSize + 1} for a page (≥ {(PageSize + 1) * probeMs / 1000:F0} s{(database.Engine == DatabaseEngine.Sqlite ? "; SQLite cannot interrupt it" : "")})");
            }
        }
        SearchResults? results = null;
        var times = Array.Empty<double>();
        double? warmMs = null;
        string? error = null;
        if (skipped is null)
        {
            try
            {
                var warmClock = Stopwatch.StartNew();
                results = await _store.SearchAsync(userId, request, cancellationToken);
                warmMs = warmClock.Elapsed.TotalMilliseconds;
                // A search that takes seconds is timed fewer times, so that one slow query cannot hold up the whole run.
                var runs = warmMs > SlowMs * 20 ? 1 : warmMs > SlowMs * 5 ? Math.Min(repeat, 3) : warmMs > SlowMs ? Math.Min(repeat, 5) : repeat;
                times = new double[runs];
                for (var i = 0; i < runs; i++)
                {
                    var clock = Stopwatch.StartNew();
                    results = await _store.SearchAsync(userId, Request(query), cancellationToken);
                    times[i] = clock.Elapsed.TotalMilliseconds;
                }
            }
            catch (DbException e)
            {
                // PostgreSQL's command timeout (30 s by default), for one.
                error = e.Message;
                results = null;
            }
        }
        var searchIds = results?.Hits.Select(h => h.Entry.EntryId).ToList() ?? [];

        var (scanSql, countSql, parameters) = Scan(query);
        var scanTimes = new double[scanRepeat];
        List<long>? scanIds = null;
        for (var i = 0; i < scanRepeat; i++)
        {
            var clock = Stopwatch.StartNew();
            var ids = await database.ReadAsync(async c => (await c.QueryAsync<long>(new CommandDefinition(scanSql, parameters, commandTimeout: 0, cancellationToken: cancellationToken))).ToList(), cancellationToken);
            scanTimes[i] = clock.Elapsed.TotalMilliseconds;
            scanIds ??= ids;
        }
        long? scanCount = null;
        string? check = null;
        string? detail = null;
        if (query.SubstringCheck && results is not null)
        {
            scanIds ??= await database.ReadAsync(async c => (await c.QueryAsync<long>(new CommandDefinition(scanSql, parameters, commandTimeout: 0, cancellationToken: cancellationToken))).ToList(), cancellationToken);
            scanCount = await database.ReadAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition(countSql, parameters, commandTimeout: 0, cancellationToken: cancellationToken)), cancellationToken);
            // The search counts no further than 1,000 when matches are many: every match is counted here, from the index.
            var (allSql, allParameters) = new SearchPlan(database, userId, request, compiled, SearchPath.IndexFirst, SearchOrder.Newest).Count(null);
            var allCount = await database.ReadAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition(allSql, allParameters, commandTimeout: 0, cancellationToken: cancellationToken)), cancellationToken);
            (check, detail) = Compare(results, allCount, searchIds, scanIds, scanCount.Value);
        }
        var (indexCountMs, pageMs, countMs) = results is null
            ? ((double?)null, (double?)null, (double?)null)
            : await BreakdownAsync(query, warmMs > SlowMs ? 1 : Math.Min(times.Length, 5), cancellationToken);
        var sorted = times.Order().ToArray();
        return new QueryResult
        {
            Label = query.Label,
            Text = query.Text,
            FolderScoped = query.FolderScoped,
            SampleShare = query.SampleShare,
            Path = path.ToString(),
            IndexMatches = indexMatches ?? 0,
            Count = results?.Count,
            CountIsLowerBound = results?.CountIsLowerBound ?? false,
            FirstPage = results?.Hits.Count ?? 0,
            WarmUpMs = warmMs,
            TimesMs = times,
            P50Ms = Percentile(sorted, 0.50),
            P95Ms = Percentile(sorted, 0.95),
            P99Ms = Percentile(sorted, 0.99),
            Skipped = skipped,
            Error = error,
            ScanTimesMs = scanTimes,
            ScanP50Ms = scanRepeat > 0 ? Percentile(scanTimes.Order().ToArray(), 0.50) : null,
            ScanCount = scanCount,
            IndexCountMs = indexCountMs,
            PageSqlMs = pageMs,
            CountSqlMs = countMs,
            Check = check,
            CheckDetail = detail,
        };
    }

    /// <summary>Times the search's statements alone, as it runs them: the index count that picks the path, the page (all its columns read) and the count.</summary>
    private async Task<(double?, double?, double?)> BreakdownAsync(BenchQuery query, int runs, CancellationToken cancellationToken)
    {
        var (page, count, pageParameters, countParameters, _) = await PlanAsync(query, cancellationToken);
        var compiled = await _store.CompileAsync(userId, Request(query).Query, cancellationToken);
        async Task<double> TimeAsync(Func<Task> run)
        {
            var times = new double[runs];
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                await run();
                times[i] = clock.Elapsed.TotalMilliseconds;
            }
            return Percentile(times.Order().ToArray(), 0.5) ?? 0;
        }
        double? indexCount = compiled.Match is { } match ? await TimeAsync(() => CountIndexMatchesAsync(match, cancellationToken)) : null;
        var pageMs = await TimeAsync(() => database.ReadAsync(async c =>
        {
            await using var reader = await c.ExecuteReaderAsync(new CommandDefinition(page, pageParameters, cancellationToken: cancellationToken));
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync(cancellationToken))
            {
                reader.GetValues(values);
            }
            return 0;
        }, cancellationToken));
        var countMs = await TimeAsync(() => database.ReadAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition(count, countParameters, cancellationToken: cancellationToken)), cancellationToken));
        return (indexCount, pageMs, countMs);
    }

    /// <summary>The SQL of a query's page and count (for EXPLAIN), as the search would run them.</summary>
    public async Task<(string Page, string Count, DynamicParameters PageParameters, DynamicParameters CountParameters, SearchPath Path)> PlanAsync(BenchQuery query, CancellationToken cancellationToken)
    {
        var request = Request(query);
        var compiled = await _store.CompileAsync(userId, request.Query, cancellationToken);
        var path = _store.PathFor(compiled.Match is { } match ? await CountIndexMatchesAsync(match, cancellationToken) : null, request.FolderId is not null || compiled.Narrowed);
        var plan = new SearchPlan(database, userId, request, compiled, path, request.Order);
        var (page, pageParameters) = plan.Page(null, 0, request.Limit + 1);
        var (count, countParameters) = plan.Count(compiled.Match is not null && await CountIndexMatchesAsync(compiled.Match, cancellationToken) < _store.IndexFirstLimit ? null : SearchStore.CountLimit + 1);
        return (page, count, pageParameters, countParameters, path);
    }

    /// <summary>The baseline: the user's entries whose title, content or summary holds each term, newest first; and their count.</summary>
    public (string Page, string Count, DynamicParameters Parameters) Scan(BenchQuery query)
    {
        var parameters = new DynamicParameters();
        parameters.Add("u", userId);
        var where = new StringBuilder("s.user_id = @u");
        for (var i = 0; i < query.LikeTerms.Count; i++)
        {
            var name = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameters.Add(name, "%" + Like.Escape(query.LikeTerms[i].ToLowerInvariant()) + "%");
            where.Append(query.TitleOnly
                ? $" AND LOWER(e.title) LIKE {name} ESCAPE '\\'"
                : $" AND (LOWER(e.title) LIKE {name} ESCAPE '\\' OR LOWER(e.content) LIKE {name} ESCAPE '\\' OR LOWER(e.summary) LIKE {name} ESCAPE '\\')");
        }
        if (query.FolderScoped)
        {
            parameters.Add("folder", folderId);
            where.Append(" AND s.feed_id IN (SELECT sub.feed_id FROM subscriptions sub WHERE sub.user_id = @u AND sub.folder_id = @folder)");
        }
        const string From = "FROM entry_states s JOIN entries e ON e.id = s.entry_id";
        return (
            $"SELECT s.entry_id {From} WHERE {where} ORDER BY s.published_at DESC, s.entry_id DESC LIMIT {PageSize}",
            $"SELECT COUNT(*) {From} WHERE {where}",
            parameters);
    }

    /// <summary>The median time of checking one of the user's newest entries (in the folder, when scoped) against the index, as a walk does for each.</summary>
    private async Task<double> ProbeAsync(string match, bool folderScoped, CancellationToken cancellationToken)
    {
        var scope = folderScoped ? " AND feed_id IN (SELECT feed_id FROM subscriptions WHERE user_id = @userId AND folder_id = @folderId)" : "";
        var ids = await database.ReadAsync(c => c.QueryAsync<long>(
            $"SELECT entry_id FROM entry_states WHERE user_id = @userId{scope} ORDER BY published_at DESC, entry_id DESC LIMIT 3", new { userId, folderId }), cancellationToken);
        var check = database.Engine == DatabaseEngine.Sqlite
            ? "SELECT EXISTS (SELECT 1 FROM entry_search WHERE entry_search MATCH @match AND rowid = @id)"
            : "SELECT EXISTS (SELECT 1 FROM entry_search x WHERE x.entry_id = @id AND x.doc @@ CAST(@match AS tsquery))";
        var times = new List<double>();
        foreach (var id in ids)
        {
            var clock = Stopwatch.StartNew();
            await database.ReadAsync(c => c.ExecuteScalarAsync<bool>(check, new { match, id }), cancellationToken);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times.Count == 0 ? 0 : Percentile(times.Order().ToArray(), 0.5) ?? 0;
    }

    private SearchRequest Request(BenchQuery query) =>
        new(SearchQuery.Parse(query.Text, now, TimeZoneInfo.Utc)) { Limit = PageSize, FolderId = query.FolderScoped ? folderId : null };

    /// <summary>As far as <see cref="SearchStore"/> counts the index's matches to choose its path.</summary>
    private int CountToLimit => Math.Max(_store.MatchSetLimit, Math.Max(_store.IndexFirstLimit, _store.RelevanceLimit));

    /// <summary>As <see cref="SearchStore"/> counts the index's matches to choose how to read them.</summary>
    private Task<int> CountIndexMatchesAsync(string match, CancellationToken cancellationToken)
    {
        var sql = database.Engine == DatabaseEngine.Sqlite
            ? "SELECT COUNT(*) FROM (SELECT 1 FROM entry_search WHERE entry_search MATCH @match LIMIT @limit) m"
            : "SELECT COUNT(*) FROM (SELECT 1 FROM entry_search WHERE doc @@ CAST(@match AS tsquery) LIMIT @limit) m";
        return database.ReadAsync(c => c.ExecuteScalarAsync<int>(sql, new { match, limit = CountToLimit }), cancellationToken);
    }

    private static (string, string) Compare(SearchResults results, long allCount, List<long> searchIds, List<long> scanIds, long scanCount)
    {
        var problems = new List<string>();
        var shown = results.Count is { } count ? (results.CountIsLowerBound ? "≥" : "") + count.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none";
        if (allCount != scanCount)
        {
            problems.Add($"count: the index finds {allCount}, the scan {scanCount}");
        }
        if (results.Count is not { } reported || (results.CountIsLowerBound ? reported > scanCount : reported != scanCount))
        {
            problems.Add($"the search reports {shown}, the scan counts {scanCount}");
        }
        if (!searchIds.SequenceEqual(scanIds))
        {
            var onlySearch = searchIds.Except(scanIds).Take(5).ToList();
            var onlyScan = scanIds.Except(searchIds).Take(5).ToList();
            problems.Add($"first page differs ({searchIds.Count} vs {scanIds.Count} ids; only in search: [{string.Join(", ", onlySearch)}], only in scan: [{string.Join(", ", onlyScan)}])");
        }
        return problems.Count > 0
            ? ("MISMATCH", string.Join("; ", problems))
            : ("OK", $"{scanCount} matches by the index and by the scan (the search reports {shown}); first page identical");
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    public static double? Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return null;
        }
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
