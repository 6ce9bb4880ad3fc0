using System.CommandLine;
using System.Data.Common;
using Inertia.Fetching;
using Inertia.Hosting;
using Inertia.Storage;
using Inertia.Storage.Entries;

namespace Inertia.Cli;

/// <summary>
/// Opens what a command needs (its settings, the database, the shared services) and turns what a user
/// can cause or fix — a bad option, a database that cannot be reached — into one clear line and exit code 1.
/// </summary>
internal static class CommandHost
{
    /// <summary>Runs a command body with the database open and the services built.</summary>
    public static async Task<int> RunAsync(ParseResult result, string command, Func<IServiceProvider, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(result, command, cancellationToken);
        if (opened is not var (database, fetchOptions, retention))
        {
            return 1;
        }
        await using (database)
        {
            await using var services = new ServiceCollection()
                .AddInertia(database, fetchOptions, retention: retention)
                .AddLogging(logging => logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning))
                .BuildServiceProvider();
            try
            {
                return await body(services, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return await FailAsync(command, e.Message);
            }
        }
    }

    /// <summary>
    /// The open database, the fetch options and the retention policy, from the options over the configuration;
    /// null when any could not be had (the reason is printed).
    /// </summary>
    public static async Task<(Database Database, FetchOptions FetchOptions, RetentionPolicy Retention)?> OpenAsync(ParseResult result, string command, CancellationToken cancellationToken)
    {
        DatabaseSettings settings;
        FetchOptions fetchOptions;
        InertiaConfiguration configuration;
        try
        {
            configuration = InertiaConfiguration.Load();
            settings = CommonOptions.DatabaseSettings(result, configuration);
            fetchOptions = CommonOptions.FetchOptions(result, configuration);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException or KeyNotFoundException)
        {
            await FailAsync(command, e.Message);
            return null;
        }
        try
        {
            return (await Database.OpenAsync(settings, cancellationToken), fetchOptions, configuration.Retention);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or TimeoutException or InvalidOperationException)
        {
            await FailAsync(command, $"could not use the database ({settings.Describe()}): {e.Message}");
            return null;
        }
    }

    public static async Task<int> FailAsync(string command, string message)
    {
        await Console.Error.WriteLineAsync($"inertia {command}: {message}");
        return 1;
    }
}
