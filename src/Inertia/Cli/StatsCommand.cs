using System.CommandLine;
using System.Text.Json;
using Inertia.Storage;

namespace Inertia.Cli;

/// <summary><c>inertia stats [--json]</c>: how much Inertia holds.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print {\"users\", \"feeds\", \"subscriptions\", \"entries\", \"unread\", \"feedsInError\"} as JSON." };
        var command = new Command("stats", "Print the numbers of users, feeds, subscriptions, entries, unread entries and feeds in error.") { json };
        command.SetAction((result, cancellationToken) => CommandHost.RunAsync(result, "stats", async (services, token) =>
        {
            var stats = await services.GetRequiredService<StatsStore>().ReadAsync(token);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, long>
                {
                    ["users"] = stats.Users,
                    ["feeds"] = stats.Feeds,
                    ["subscriptions"] = stats.Subscriptions,
                    ["entries"] = stats.Entries,
                    ["unread"] = stats.Unread,
                    ["feedsInError"] = stats.FeedsInError,
                }));
            }
            else
            {
                Console.WriteLine($"Users:          {stats.Users}");
                Console.WriteLine($"Feeds:          {stats.Feeds}");
                Console.WriteLine($"Subscriptions:  {stats.Subscriptions}");
                Console.WriteLine($"Entries:        {stats.Entries}");
                Console.WriteLine($"Unread:         {stats.Unread}");
                Console.WriteLine($"Feeds in error: {stats.FeedsInError}");
            }
            return 0;
        }, cancellationToken));
        return command;
    }
}
