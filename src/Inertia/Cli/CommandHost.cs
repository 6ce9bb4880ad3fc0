using System.CommandLine;
using System.Data.Common;
using Inertia.Hosting;
using Inertia.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Inertia.Cli;

/// <summary>
/// Runs a command body with the database open and the shared services built, and turns the failures a
/// user can cause or fix (a database that cannot be reached, a bad option) into one clear line and exit code 1.
/// </summary>
internal static class CommandHost
{
    public static async Task<int> RunAsync(ParseResult result, string command, Func<IServiceProvider, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var settings = CommonOptions.DatabaseSettings(result);
        ServiceProvider? services = null;
        try
        {
            var fetchOptions = CommonOptions.FetchOptions(result);
            var database = await Database.OpenAsync(settings, cancellationToken);
            services = new ServiceCollection().AddInertia(database, fetchOptions).BuildServiceProvider();
            return await body(services, cancellationToken);
        }
        catch (ArgumentException e)
        {
            return await FailAsync(command, e.Message);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            return await FailAsync(command, $"could not use the database ({settings.Describe()}): {e.Message}");
        }
        finally
        {
            if (services is not null)
            {
                await services.GetRequiredService<Database>().DisposeAsync();
                await services.DisposeAsync();
            }
        }
    }

    public static async Task<int> FailAsync(string command, string message)
    {
        await Console.Error.WriteLineAsync($"inertia {command}: {message}");
        return 1;
    }
}
