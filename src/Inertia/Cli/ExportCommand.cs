using System.CommandLine;
using Inertia.Importing;
using Inertia.Storage.Subscriptions;

namespace Inertia.Cli;

/// <summary><c>inertia export --user NAME [--output FILE]</c>: a user's subscriptions as OPML 2.0.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "Whose subscriptions.", Required = true };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("export", "Write a user's subscriptions, with their folders, as OPML 2.0.") { user, output };
        command.SetAction((result, cancellationToken) => CommandHost.RunAsync(result, "export", async (services, token) =>
        {
            if (await UserLookup.FindAsync(services, "export", result.GetRequiredValue(user), token) is not { } owner)
            {
                return 1;
            }
            var list = await services.GetRequiredService<SubscriptionStore>().ListAsync(owner.Id, token);
            var path = result.GetValue(output)?.FullName;
            await using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
            SubscriptionsOpml.Write(stream, $"{owner.Username}'s subscriptions in Inertia", list, TimeProvider.System.GetUtcNow());
            return 0;
        }, cancellationToken));
        return command;
    }
}
