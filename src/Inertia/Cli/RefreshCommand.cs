using System.CommandLine;
using System.Diagnostics;
using Inertia.Refresh;
using Inertia.Storage.Entries;
using Inertia.Storage.Feeds;

namespace Inertia.Cli;

/// <summary><c>inertia refresh [--feed ID] [--all]</c>: one refresh round now, with progress and a summary.</summary>
internal static class RefreshCommand
{
    public static Command Create()
    {
        var feed = new Option<long[]>("--feed") { Description = "Refresh only this feed (by id), due or not; repeatable.", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Refresh every followed feed now, due or not." };
        var command = new Command("refresh", "Fetch the feeds that are due (or the ones named) now, and store their new entries.") { feed, all, CommonOptions.AllowNetwork };
        command.SetAction((result, cancellationToken) => CommandHost.RunAsync(result, "refresh", async (services, token) =>
        {
            var runner = services.GetRequiredService<RefreshRunner>();
            var feedIds = result.GetValue(feed) ?? [];
            var every = result.GetValue(all);
            var selected = every ? await services.GetRequiredService<FeedStore>().FollowedIdsAsync(token) : feedIds;
            if (feedIds.Length > 0)
            {
                var feeds = services.GetRequiredService<FeedStore>();
                foreach (var id in feedIds)
                {
                    if (await feeds.GetAsync(id, token) is null)
                    {
                        return await CommandHost.FailAsync("refresh", $"there is no feed {id} (inertia stats counts them; export lists the subscribed ones).");
                    }
                }
            }
            var progress = new RefreshProgress();
            var clock = Stopwatch.StartNew();
            await progress.RunAsync(selected.Count, report => every || feedIds.Length > 0
                ? runner.RunNowAsync(selected, report, token)
                : runner.RunRoundAsync(report, token));
            await services.GetRequiredService<RetentionStore>().PruneAsync(services.GetRequiredService<RetentionPolicy>(), TimeProvider.System.GetUtcNow(), token);
            progress.WriteSummary(clock.Elapsed);
            if (progress.Outcomes.Count < selected.Count)
            {
                var skipped = selected.Count - progress.Outcomes.Count;
                Console.WriteLine(skipped == 1
                    ? "1 of the feeds asked for was being refreshed by another worker and was skipped."
                    : $"{skipped} of the feeds asked for were being refreshed by another worker and were skipped.");
            }
            return progress.Outcomes.Any(o => o.Result is RefreshResult.Failed or RefreshResult.Gone) ? 3 : 0;
        }, cancellationToken));
        return command;
    }
}
