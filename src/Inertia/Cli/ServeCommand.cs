using System.CommandLine;
using Inertia.Hosting;
using Inertia.Icons;
using Inertia.Refresh;
using Inertia.Search;
using Inertia.Web;

namespace Inertia.Cli;

/// <summary>
/// <c>inertia serve</c>: the long-running process. With <c>--role all</c> (the default) it serves HTTP and
/// refreshes feeds in the background; several processes on one PostgreSQL database can split the work:
/// <c>--role web</c> serves HTTP only, <c>--role worker</c> only refreshes and listens on no port.
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen, the ASP.NET Core way (default {DefaultUrls}; also ASPNETCORE_URLS)." };
        var role = new Option<string>("--role") { Description = "all (web and refresh), web, or worker.", DefaultValueFactory = _ => "all" };
        role.AcceptOnlyFromAmong("all", "web", "worker");
        var command = new Command("serve", "Run Inertia: the web server and the background refresh.") { urls, role, CommonOptions.AllowNetwork };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (await CommandHost.OpenAsync(result, "serve", cancellationToken) is not var (database, fetchOptions, retention))
            {
                return 1;
            }
            await using (database)
            {
                var serveRole = result.GetValue(role);
                if (serveRole == "worker")
                {
                    var worker = Host.CreateApplicationBuilder();
                    worker.Services.AddInertia(database, fetchOptions, retention: retention).AddHostedService<RefreshScheduler>()
                        .AddHostedService(provider => provider.GetRequiredService<IconRefresher>()).AddHostedService<SearchBackfill>();
                    using var host = worker.Build();
                    await host.RunAsync(cancellationToken);
                    return 0;
                }
                var listen = result.GetValue(urls) ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? DefaultUrls;
                await using var app = WebApp.Build(database, fetchOptions, listen, background: serveRole == "all", retention);
                try
                {
                    await app.StartAsync(cancellationToken);
                }
                catch (IOException e)
                {
                    await app.StopAsync(CancellationToken.None);
                    return await CommandHost.FailAsync("serve", $"could not listen on {listen}: {e.Message}");
                }
                Console.WriteLine($"Inertia is running: open {app.Urls.FirstOrDefault() ?? listen} in a browser (Ctrl+C stops it).");
                await app.WaitForShutdownAsync(cancellationToken);
            }
            return 0;
        });
        return command;
    }
}
