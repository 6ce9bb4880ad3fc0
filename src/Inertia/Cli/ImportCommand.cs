using System.CommandLine;
using System.Diagnostics;
using Inertia.Feeds;
using Inertia.Feeds.Opml;
using Inertia.Importing;
using Inertia.Refresh;

namespace Inertia.Cli;

/// <summary><c>inertia import FILE.opml --user NAME</c>: subscribes in bulk, keeping folders, then fetches the new feeds.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "An OPML file, as other feed readers export." };
        var user = new Option<string>("--user") { Description = "The user who subscribes.", Required = true };
        var noFetch = new Option<bool>("--no-fetch") { Description = "Only subscribe; the new feeds are fetched by the next refresh (serve's, or inertia refresh)." };
        var command = new Command("import", "Subscribe a user to every feed of an OPML file, with its folders.") { file, user, noFetch, CommonOptions.AllowNetwork };
        command.SetAction((result, cancellationToken) => CommandHost.RunAsync(result, "import", async (services, token) =>
        {
            if (await UserLookup.FindAsync(services, "import", result.GetRequiredValue(user), token) is not { } subscriber)
            {
                return 1;
            }
            OpmlDocument opml;
            try
            {
                opml = OpmlReader.Read(await File.ReadAllBytesAsync(result.GetRequiredValue(file).FullName, token));
            }
            catch (FeedParseException e)
            {
                return await CommandHost.FailAsync("import", e.Message);
            }
            foreach (var warning in opml.Warnings)
            {
                Console.WriteLine($"warning: {warning}");
            }
            var subscribed = await services.GetRequiredService<OpmlSubscriber>().SubscribeAsync(subscriber.Id, opml.Feeds, null, token);
            var added = subscribed.Count(s => !s.AlreadyFollowed);
            var toFetch = subscribed.Where(s => s.NewFeed).Select(s => s.FeedId).ToList();
            Console.WriteLine($"{Plural.Count(opml.Feeds.Count, "feed", "feeds")} in the file: {added} subscribed, {opml.Feeds.Count - added} already followed; {Plural.Count(toFetch.Count, "new feed", "new feeds")}.");
            if (result.GetValue(noFetch))
            {
                return 0;
            }
            var progress = new RefreshProgress();
            var clock = Stopwatch.StartNew();
            await progress.RunAsync(toFetch.Count, report => services.GetRequiredService<RefreshRunner>().RunNowAsync(toFetch, report, token));
            progress.WriteSummary(clock.Elapsed);
            return 0;
        }, cancellationToken));
        return command;
    }
}
