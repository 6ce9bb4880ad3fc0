using System.CommandLine;
using Inertia.Fetching;
using Inertia.Hosting;
using Inertia.Storage;

namespace Inertia.Cli;

/// <summary>
/// The options every command that touches data or the network shares. <c>--data</c> and <c>--database</c>
/// (and their environment variables) are the contract for scripts; see README. Each option goes above its
/// setting in <see cref="InertiaConfiguration"/> (environment, then appsettings.json).
/// </summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "The data folder (default ./data; also INERTIA_DATA or Inertia:Data in appsettings.json). The SQLite database lives here.",
        Recursive = true,
    };

    public static readonly Option<string?> Database = new("--database")
    {
        Description = "The database: a PostgreSQL URL (postgres://user:pass@host/db), a Npgsql connection string, or an SQLite file (default DATA/inertia.db; also INERTIA_DATABASE or Inertia:Database in appsettings.json).",
        Recursive = true,
    };

    public static readonly Option<string[]> AllowNetwork = new(NetworkAllowList.CommandLineOption)
    {
        Description = "Allow fetching from a private network or host (a CIDR such as 192.168.1.0/24, an address, or a host name); repeatable; added to INERTIA_ALLOW_NETWORKS (comma-separated) or else Inertia:AllowNetworks in appsettings.json.",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Where the data lives: <c>--data</c> and <c>--database</c> over the configured settings.</summary>
    public static DatabaseSettings DatabaseSettings(ParseResult result, InertiaConfiguration configuration) =>
        Storage.DatabaseSettings.Resolve(result.GetValue(Data) ?? configuration.Data, result.GetValue(Database) ?? configuration.Database);

    /// <summary>The fetch options from <c>--allow-network</c> and the configuration; a bad entry throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static FetchOptions FetchOptions(ParseResult result, InertiaConfiguration configuration) =>
        Fetching.FetchOptions.FromConfiguration(result.GetValue(AllowNetwork), configuration.AllowNetworks);
}
