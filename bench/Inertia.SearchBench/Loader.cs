using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using Inertia.Feeds;
using Inertia.Storage;
using Inertia.Storage.Accounts;
using Inertia.Storage.Entries;
using Inertia.Storage.Feeds;
using Inertia.Storage.Subscriptions;

namespace Inertia.SearchBench;

/// <summary>What loading took.</summary>
internal sealed record LoadResult(long UserId, bool Reused, double Seconds, long Entries)
{
    /// <summary>Completions that failed (a command timeout, for one) and were tried again, as the next refresh would.</summary>
    public int FailedCompletions { get; init; }

    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>The longest completion (one feed's chunk of entries in one transaction), and how many took over 30 s (Npgsql's default command timeout).</summary>
    public double LongestCompletionSeconds { get; init; }
    public int CompletionsOver30Seconds { get; init; }

    public double EntriesPerSecond => Seconds > 0 ? Entries / Seconds : 0;
}

/// <summary>
/// Stores the generated entries the way a refresh does: one user following every feed (in ten folders), and each
/// feed's entries recorded by <see cref="RefreshStore"/> (claim, then complete with a parsed feed), about
/// <see cref="ChunkSize"/> entries per completion. That merge is the path that writes the search index.
/// </summary>
internal sealed class Loader(Database database, EntryGenerator generator, BenchOptions options, DateTimeOffset now)
{
    public const int ChunkSize = 1000;
    public const string UserName = "bench";
    private const string Owner = "search-bench";

    private const int Attempts = 3;
    private readonly List<string> _failures = [];
    private readonly List<double> _completionSeconds = [];
    private long _stored;

    /// <summary>The title the first feed gets: it names the data, so that --reuse can tell it is the same.</summary>
    private string Signature => string.Create(CultureInfo.InvariantCulture, $"search-bench entries={options.Entries} feeds={options.Feeds} seed={options.Seed} terms={TermScheme}");

    /// <summary>A fingerprint of how text becomes index terms: data indexed under another scheme is not reused.</summary>
    private static string TermScheme => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(string.Join(' ', Inertia.Search.SearchText.Terms("北京大学，东京。 Über the Test 한국어"))))).AsSpan(0, 8).ToString();

    public async Task<LoadResult> LoadAsync(CancellationToken cancellationToken)
    {
        var existing = await database.ReadAsync(c => c.QuerySingleOrDefaultAsync<long?>("SELECT id FROM users WHERE username = @name", new { name = UserName }), cancellationToken);
        if (existing is { } userId)
        {
            var (entries, signature) = await database.ReadAsync(c => c.QuerySingleAsync<(long, string?)>(
                "SELECT (SELECT COUNT(*) FROM entries), (SELECT title FROM feeds WHERE url = @url)", new { url = FeedUrl(0) }), cancellationToken);
            if (options.Reuse && entries == options.Entries && signature == Signature)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reusing the loaded database ({entries:N0} entries)."));
                return new LoadResult(userId, true, 0, entries);
            }
            throw new InvalidOperationException(options.Reuse
                ? $"The database holds other data ({entries} entries, \"{signature}\"): start from an empty one."
                : "The database is not empty: start from an empty one, or pass --reuse to measure searches on data this tool loaded.");
        }
        var user = await new UserStore(database).CreateAsync(UserName, "not-a-password-hash", isAdmin: false, now, cancellationToken)
            ?? throw new InvalidOperationException("Could not create the user.");
        var feedIds = new long[options.Feeds];
        var feeds = new FeedStore(database);
        var subscriptions = new SubscriptionStore(database);
        for (var f = 0; f < options.Feeds; f++)
        {
            feedIds[f] = (await feeds.GetOrCreateAsync(FeedUrl(f), now, TimeSpan.FromHours(1), cancellationToken: cancellationToken)).Id;
            await subscriptions.SubscribeAsync(user.Id, feedIds[f], string.Create(CultureInfo.InvariantCulture, $"Folder {f % 10}"), null, now, cancellationToken);
        }
        var clock = Stopwatch.StartNew();
        var next = -1;
        using var done = new CancellationTokenSource();
        var progress = ReportAsync(clock, done.Token);
        var workers = Enumerable.Range(0, options.LoadWorkers).Select(_ => Task.Run(async () =>
        {
            for (var f = Interlocked.Increment(ref next); f < options.Feeds; f = Interlocked.Increment(ref next))
            {
                await StoreFeedAsync(f, feedIds[f], cancellationToken);
            }
        }, cancellationToken)).ToList();
        try
        {
            await Task.WhenAll(workers);
        }
        finally
        {
            await done.CancelAsync();
            await progress;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var result = new LoadResult(user.Id, false, seconds, _stored)
        {
            FailedCompletions = _failures.Count,
            Failures = _failures,
            LongestCompletionSeconds = _completionSeconds.DefaultIfEmpty(0).Max(),
            CompletionsOver30Seconds = _completionSeconds.Count(t => t > 30),
        };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {_stored:N0} entries in {seconds:F1} s ({result.EntriesPerSecond:N0} entries/s); {_failures.Count} completions failed and were tried again; the longest took {result.LongestCompletionSeconds:F1} s, {result.CompletionsOver30Seconds} took over 30 s"));
        return result;
    }

    private static string FeedUrl(int feed) => string.Create(CultureInfo.InvariantCulture, $"https://bench.example/f{feed}.xml");

    private async Task StoreFeedAsync(int feed, long feedId, CancellationToken cancellationToken)
    {
        var store = new RefreshStore(database);
        var owner = string.Create(CultureInfo.InvariantCulture, $"{Owner}-{feed}");
        foreach (var chunk in generator.FeedEntries(feed).Chunk(ChunkSize))
        {
            var parsed = new Feed
            {
                Format = FeedFormat.Rss20,
                Title = feed == 0 ? Signature : string.Create(CultureInfo.InvariantCulture, $"Bench feed {feed}"),
                Link = string.Create(CultureInfo.InvariantCulture, $"https://bench.example/f{feed}/"),
                Entries = chunk,
            };
            MergeResult? merged = null;
            for (var attempt = 1; merged is null; attempt++)
            {
                var at = DateTimeOffset.UtcNow;
                if (await store.ClaimAsync(feedId, owner, at, TimeSpan.FromHours(1), cancellationToken) is null)
                {
                    throw new InvalidOperationException($"Could not claim feed {feedId}.");
                }
                var change = new FetchStateChange { FetchedAt = at, Succeeded = true, Status = 200, NextCheckAt = at.AddHours(1), CheckIntervalSeconds = 3600 };
                var clock = Stopwatch.StartNew();
                try
                {
                    merged = await store.CompleteAsync(feedId, owner, change, parsed, cancellationToken)
                        ?? throw new InvalidOperationException($"The claim on feed {feedId} was lost.");
                    lock (_completionSeconds)
                    {
                        _completionSeconds.Add(clock.Elapsed.TotalSeconds);
                    }
                    if (clock.Elapsed.TotalSeconds > 30)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  slow completion: feed {feedId}, {chunk.Length} entries in {clock.Elapsed.TotalSeconds:F1} s"));
                    }
                }
                catch (DbException e) when (attempt < Attempts)
                {
                    // The whole completion rolled back; a refresh would try the feed again later. Release the claim and retry.
                    var message = $"feed {feedId}, {chunk.Length} entries, attempt {attempt}: {e.Message}{(e.InnerException is { } inner ? " (" + inner.Message + ")" : "")}";
                    lock (_failures)
                    {
                        _failures.Add(message);
                    }
                    Console.WriteLine("  completion failed, trying again: " + message);
                    await store.ReleaseAllAsync(owner, cancellationToken);
                }
            }
            if (merged.Value.Inserted != chunk.Length)
            {
                throw new InvalidOperationException($"Feed {feedId}: {merged.Value.Inserted} of {chunk.Length} entries were inserted.");
            }
            Interlocked.Add(ref _stored, merged.Value.Inserted);
        }
    }

    private async Task ReportAsync(Stopwatch clock, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(15), cancellationToken);
                var stored = Interlocked.Read(ref _stored);
                var seconds = clock.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {stored:N0} / {options.Entries:N0} entries ({100.0 * stored / options.Entries:F0}%), {seconds:F0} s, {stored / seconds:N0} entries/s"));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
