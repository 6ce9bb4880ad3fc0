using System.Globalization;
using System.Net;
using Inertia.Storage.Accounts;
using Inertia.Tests.Web;

namespace Inertia.Tests.Api.Miniflux;

/// <summary>Inertia with a user ("ann", password "password1") subscribed to a loopback blog through the API.</summary>
internal sealed class ApiFixture : IAsyncDisposable
{
    public const string Password = "password1";

    private ApiFixture(ReaderApp app, FeedSite site, User user, ApiClient client)
    {
        App = app;
        Site = site;
        User = user;
        Client = client;
    }

    public ReaderApp App { get; }
    public FeedSite Site { get; }
    public User User { get; }
    public ApiClient Client { get; }

    public static async Task<ApiFixture> StartAsync(string engine = "sqlite", int items = 3, Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null)
    {
        var site = await FeedSite.StartAsync(items: items);
        var app = await ReaderApp.StartAsync(engine, configure);
        var user = await app.CreateUserAsync("ann", Password);
        return new ApiFixture(app, site, user, ApiClient.Basic(app.BaseUrl, "ann", Password));
    }

    /// <summary>Subscribes through <c>POST /v1/feeds</c> and returns the feed id.</summary>
    public static async Task<long> SubscribeAsync(ApiClient client, Uri address, long? categoryId = null)
    {
        var answer = await client.PostAsync("/v1/feeds", categoryId is null ? new { feed_url = address.AbsoluteUri } : new { feed_url = address.AbsoluteUri, category_id = categoryId });
        answer.Is(HttpStatusCode.Created);
        return answer.Json.GetProperty("feed_id").GetInt64();
    }

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Site.DisposeAsync();
    }
}
