using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Inertia.Search;
using Spectre.Console;

namespace Inertia.Cli;

/// <summary>
/// <c>inertia search QUERY --user NAME</c> prints a user's matching entries; <c>inertia search reindex [--user NAME]</c>
/// builds the search index again (all entries, or those of the feeds one user follows), with a progress bar.
/// </summary>
internal static class SearchCommand
{
    // Titles as written (北京, not \u5317\u4EAC): the output is for terminals and scripts, never for a page.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "What to look for, in the query language of docs/search.md." };
        var user = new Option<string>("--user") { Description = "Whose entries.", Required = true };
        var limit = new Option<int>("--limit") { Description = "How many results at most (default 20).", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON: {\"count\", \"more\", \"entries\": [{\"id\", \"title\", \"url\", \"feed\", \"published\"}]}." };
        var order = new Option<string>("--order") { Description = "newest (default), oldest or relevance.", DefaultValueFactory = _ => "newest" };
        order.AcceptOnlyFromAmong("newest", "oldest", "relevance");
        var command = new Command("search", "Search a user's entries, or build the search index again (search reindex).") { query, user, limit, json, order, Reindex() };
        command.SetAction((result, cancellationToken) => CommandHost.RunAsync(result, "search", async (services, token) =>
        {
            if (await UserLookup.FindAsync(services, "search", result.GetRequiredValue(user), token) is not { } owner)
            {
                return 1;
            }
            SearchQuery parsed;
            try
            {
                parsed = SearchQuery.Parse(result.GetRequiredValue(query), TimeProvider.System.GetUtcNow(), owner.Settings.Zone);
            }
            catch (SearchQueryException e)
            {
                return await CommandHost.FailAsync("search", e.Message);
            }
            var request = new SearchRequest(parsed)
            {
                Limit = Math.Clamp(result.GetValue(limit), 1, 1000),
                Order = Enum.Parse<SearchOrder>(result.GetRequiredValue(order), ignoreCase: true),
            };
            var results = await services.GetRequiredService<SearchStore>().SearchAsync(owner.Id, request, token);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    count = results.Count,
                    more = results.Next is not null || results.NextOffset is not null,
                    entries = results.Hits.Select(h => new { id = h.Entry.EntryId, title = h.Entry.Title, url = h.Entry.Url, feed = h.Entry.FeedTitle, published = h.Entry.PublishedAt }),
                }, Json));
                return 0;
            }
            foreach (var hit in results.Hits)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{hit.Entry.PublishedAt:yyyy-MM-dd}  {hit.Entry.Title ?? "(untitled)"}  [{hit.Entry.FeedTitle}]  #{hit.Entry.EntryId}"));
            }
            Console.WriteLine(Summary(results));
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Reindex()
    {
        var user = new Option<string?>("--user") { Description = "Only the entries of the feeds this user follows." };
        var command = new Command("reindex", "Build the search index again: every entry, or those of one user's feeds.") { user };
        command.SetAction((result, cancellationToken) => CommandHost.RunAsync(result, "search reindex", async (services, token) =>
        {
            long? userId = null;
            if (result.GetValue(user) is { } name)
            {
                if (await UserLookup.FindAsync(services, "search reindex", name, token) is not { } owner)
                {
                    return 1;
                }
                userId = owner.Id;
            }
            var indexer = services.GetRequiredService<SearchIndexer>();
            var started = TimeProvider.System.GetTimestamp();
            var indexed = 0;
            var console = AnsiConsole.Console;
            if (console.Profile.Capabilities.Interactive)
            {
                await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask("Indexing", maxValue: 1);
                        indexed = await indexer.ReindexAsync(userId, new SynchronousProgress(p =>
                        {
                            task.MaxValue = Math.Max(p.Total, 1);
                            task.Value = p.Done;
                            task.Description = $"Indexing: {Plural.Count(p.Done, "entry", "entries")} of {p.Total.ToString("N0", CultureInfo.InvariantCulture)}";
                        }), token);
                    });
            }
            else
            {
                indexed = await indexer.ReindexAsync(userId, null, token);
            }
            // The backfill after an upgrade is part of what reindexing finishes.
            await indexer.BackfillAsync(token);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Indexed {Plural.Count(indexed, "entry", "entries")} in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s."));
            return 0;
        }, cancellationToken));
        return command;
    }

    private static string Summary(SearchResults results) => results switch
    {
        { Count: { } count, CountIsLowerBound: true } => $"More than {Plural.Count(count, "result", "results")}; the newest shown.",
        { Count: { } count } => Plural.Count(count, "result", "results") + ".",
        _ => Plural.Count(results.Hits.Count, "result", "results") + " shown.",
    };

    /// <summary>Reports on the caller's thread, so the bar moves with each batch (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
