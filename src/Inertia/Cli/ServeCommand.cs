using System.CommandLine;
using System.Data.Common;
using Inertia.Hosting;
using Inertia.Refresh;
using Inertia.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inertia.Cli;

/// <summary>
/// <c>inertia serve</c>: the long-running process. With <c>--role all</c> (the default) it serves HTTP and
/// refreshes feeds in the background; several processes on one PostgreSQL database can split the work with
/// <c>--role web</c> and <c>--role worker</c>.
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
            var settings = CommonOptions.DatabaseSettings(result);
            Database database;
            Fetching.FetchOptions fetchOptions;
            try
            {
                fetchOptions = CommonOptions.FetchOptions(result);
                database = await Database.OpenAsync(settings, cancellationToken);
            }
            catch (ArgumentException e)
            {
                return await CommandHost.FailAsync("serve", e.Message);
            }
            catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or TimeoutException)
            {
                return await CommandHost.FailAsync("serve", $"could not use the database ({settings.Describe()}): {e.Message}");
            }
            await using (database)
            {
                var builder = WebApplication.CreateSlimBuilder();
                builder.WebHost.UseUrls(result.GetValue(urls) ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? DefaultUrls);
                builder.Services.AddInertia(database, fetchOptions);
                if (result.GetValue(role) is "all" or "worker")
                {
                    builder.Services.AddHostedService<RefreshScheduler>();
                }
                await using var app = builder.Build();
                app.MapGet("/healthz", () => Results.Text("ok"));
                app.MapGet("/readyz", async (Database db, CancellationToken token) =>
                    await db.IsReadyAsync(token) ? Results.Text("ready") : Results.Text("database unreachable or not migrated", statusCode: 503));
                await app.StartAsync(cancellationToken);
                await app.WaitForShutdownAsync(cancellationToken);
            }
            return 0;
        });
        return command;
    }
}
