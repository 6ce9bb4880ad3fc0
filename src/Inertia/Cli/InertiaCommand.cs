using System.CommandLine;

namespace Inertia.Cli;

/// <summary>The <c>inertia</c> command line: one executable, one subcommand per job.</summary>
internal static class InertiaCommand
{
    public static RootCommand Create() =>
        new("Inertia: a self-hosted feed aggregator and reader.")
        {
            ParseCommand.Create(),
        };
}
