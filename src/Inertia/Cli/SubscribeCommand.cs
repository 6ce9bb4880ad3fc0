using System.CommandLine;
using Inertia.Subscriptions;

namespace Inertia.Cli;

/// <summary><c>inertia subscribe URL --user NAME [--folder F] [--title T]</c>: subscribes from a feed or page address.</summary>
internal static class SubscribeCommand
{
    public static Command Create()
    {
        var address = new Argument<string>("address") { Description = "A feed's address, or a web page that links to its feeds." };
        var user = new Option<string>("--user") { Description = "The user who subscribes.", Required = true };
        var folder = new Option<string?>("--folder") { Description = "File the subscription in this folder (created if needed)." };
        var title = new Option<string?>("--title") { Description = "Your own title for the feed." };
        var command = new Command("subscribe", "Subscribe a user to a feed, finding it from a page address if need be.") { address, user, folder, title, CommonOptions.AllowNetwork };
        command.SetAction((result, cancellationToken) => CommandHost.RunAsync(result, "subscribe", async (services, token) =>
        {
            if (await UserLookup.FindAsync(services, "subscribe", result.GetRequiredValue(user), token) is not { } subscriber)
            {
                return 1;
            }
            var outcome = await services.GetRequiredService<SubscriptionService>().SubscribeAsync(
                subscriber.Id, result.GetRequiredValue(address), result.GetValue(folder), result.GetValue(title), token);
            switch (outcome.Status)
            {
                case SubscribeStatus.Subscribed:
                    Console.WriteLine(outcome.AlreadySubscribed
                        ? $"{subscriber.Username} already follows {outcome.Title} (feed {outcome.FeedId})."
                        : $"Subscribed {subscriber.Username} to {outcome.Title ?? "the feed"} (feed {outcome.FeedId}); {Plural.Count(outcome.NewEntries, "entry", "entries")} stored.");
                    return 0;
                case SubscribeStatus.ChooseOne:
                    Console.WriteLine(outcome.Message);
                    foreach (var choice in outcome.Choices!)
                    {
                        Console.WriteLine($"  {choice.Url}  {choice.Title} ({choice.Format.ToString().ToLowerInvariant()})");
                    }
                    Console.WriteLine("Run again with the address of the one you want.");
                    return 2;
                default:
                    return await CommandHost.FailAsync("subscribe", outcome.Message!);
            }
        }, cancellationToken));
        return command;
    }
}
