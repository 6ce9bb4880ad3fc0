using System.CommandLine;

namespace Inertia.Cli;

/// <summary>The <c>inertia</c> command line: one executable, one subcommand per job.</summary>
internal static class InertiaCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Inertia: a self-hosted feed aggregator and reader.")
        {
            CommonOptions.Data,
            CommonOptions.Database,
            ServeCommand.Create(),
            RefreshCommand.Create(),
            SubscribeCommand.Create(),
            ImportCommand.Create(),
            ExportCommand.Create(),
            UserCommand.Create(),
            StatsCommand.Create(),
            SearchCommand.Create(),
            ParseCommand.Create(),
        };
        return root;
    }
}
