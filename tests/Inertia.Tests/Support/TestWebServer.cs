using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inertia.Tests.Support;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port, with the routes a test maps.</summary>
public sealed class TestWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requestCount;

    private TestWebServer(WebApplication app) => _app = app;

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public int Port => BaseUrl.Port;

    /// <summary>How many requests reached the server.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    public static async Task<TestWebServer> StartAsync(Action<WebApplication, TestWebServer> map)
    {
        // The empty builder reads no appsettings files, so a server watches no folder for changes: the tests
        // start hundreds of them, and each watcher costs inotify watches on the whole working folder.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var server = new TestWebServer(app);
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref server._requestCount);
            await next(context);
        });
        // Routes may need the port (absolute redirects), which is known only once Kestrel has bound it;
        // reading it lazily inside the handlers is enough.
        map(app, server);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
