using Inertia.Accounts;
using Inertia.Fetching;
using Inertia.Storage;
using Inertia.Storage.Accounts;
using Inertia.Tests.Support;
using Inertia.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inertia.Tests.Web;

/// <summary>
/// Inertia's real web application on 127.0.0.1 and a free port, on a fresh database (SQLite or PostgreSQL),
/// with fetching allowed to loopback so that feeds served by the test reach it. No background refresh:
/// tests refresh when they mean to.
/// </summary>
internal sealed class ReaderApp : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly WebApplication _app;
    private readonly bool _ownsDatabase;

    private ReaderApp(TestDatabase database, WebApplication app, Uri baseUrl, bool ownsDatabase = true)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    public Database Database => _database.Database;

    public static async Task<ReaderApp> StartAsync(string engine = "sqlite", Action<WebApplicationBuilder>? configure = null) =>
        await StartOnAsync(await TestDatabase.CreateAsync(engine), configure, ownsDatabase: true);

    /// <summary>
    /// The app on a database the test keeps (and disposes): several apps on one database are several server
    /// processes sharing it.
    /// </summary>
    public static async Task<ReaderApp> StartOnAsync(TestDatabase database, Action<WebApplicationBuilder>? configure = null, bool ownsDatabase = false)
    {
        var fetchOptions = new FetchOptions
        {
            AllowList = NetworkAllowList.Parse(["127.0.0.0/8"]),
            ConnectTimeout = TimeSpan.FromSeconds(2),
            TotalTimeout = TimeSpan.FromSeconds(5),
        };
        var app = WebApp.Build(database.Database, fetchOptions, "http://127.0.0.1:0", background: false, configure: builder =>
        {
            // INERTIA_TEST_LOGS=1 shows the app's own log beside the test output, when a test needs explaining.
            if (Environment.GetEnvironmentVariable("INERTIA_TEST_LOGS") != "1")
            {
                builder.Logging.ClearProviders();
            }
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ReaderApp(database, app, new Uri(address + "/"), ownsDatabase);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A browser-like client with its own cookies.</summary>
    public ReaderClient NewClient() => new(BaseUrl);

    /// <summary>Creates an account directly in the database.</summary>
    public async Task<User> CreateUserAsync(string name, string password = "password1", bool admin = false) =>
        (await Get<UserStore>().CreateAsync(name, PasswordHashing.Hash(password), admin, DateTimeOffset.UtcNow))!;

    /// <summary>A signed-in client for a new account.</summary>
    public async Task<(ReaderClient Client, User User)> SignedInAsync(string name, bool admin = false)
    {
        var user = await CreateUserAsync(name, admin: admin);
        var client = NewClient();
        await client.SignInAsync(name, "password1");
        return (client, user);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}
