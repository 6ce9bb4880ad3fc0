using System.CommandLine;
using Inertia.Fetching;
using Inertia.Storage;

namespace Inertia.Cli;

/// <summary>
/// The options every command that touches data or the network shares. <c>--data</c> and <c>--database</c>
/// (and their environment variables) are the contract for scripts; see README.
/// </summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "The data folder (default ./data; also INERTIA_DATA). The SQLite database lives here.",
        Recursive = true,
    };

    public static readonly Option<string?> Database = new("--database")
    {
        Description = "The database: a PostgreSQL URL (postgres://user:pass@host/db), a Npgsql connection string, or an SQLite file (default DATA/inertia.db; also INERTIA_DATABASE).",
        Recursive = true,
    };

    public static readonly Option<string[]> AllowNetwork = new(NetworkAllowList.CommandLineOption)
    {
        Description = "Allow fetching from a private network or host (a CIDR such as 192.168.1.0/24, an address, or a host name); repeatable. Also INERTIA_ALLOW_NETWORKS (comma-separated).",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static DatabaseSettings DatabaseSettings(ParseResult result) =>
        Storage.DatabaseSettings.Resolve(result.GetValue(Data), result.GetValue(Database));

    /// <summary>The fetch options from <c>--allow-network</c> and the environment; a bad entry throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static FetchOptions FetchOptions(ParseResult result) =>
        Fetching.FetchOptions.FromConfiguration(result.GetValue(AllowNetwork) ?? []);
}
