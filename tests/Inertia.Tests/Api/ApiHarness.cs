using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Inertia.Accounts;
using Inertia.Refresh;
using Inertia.Storage.Accounts;
using Inertia.Storage.Entries;
using Inertia.Subscriptions;
using Inertia.Tests.Web;

namespace Inertia.Tests.Api;

/// <summary>
/// Inertia on 127.0.0.1 with two users, ann and bob, each with an API password and one feed of their own
/// served by a <see cref="FeedSite"/> (ann's in the folder "Blogs"); and plain HTTP clients that speak the APIs.
/// </summary>
internal sealed class ApiHarness : IAsyncDisposable
{
    public const string AnnApiPassword = "ann-api-secret";
    public const string BobApiPassword = "bob-api-secret";

    private ApiHarness(ReaderApp app, FeedSite annSite, FeedSite bobSite, User ann, User bob, long annFeed, long bobFeed)
    {
        App = app;
        AnnSite = annSite;
        BobSite = bobSite;
        Ann = ann;
        Bob = bob;
        AnnFeed = annFeed;
        BobFeed = bobFeed;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseUrl };
    }

    public ReaderApp App { get; }
    public FeedSite AnnSite { get; }
    public FeedSite BobSite { get; }
    public User Ann { get; }
    public User Bob { get; }
    public long AnnFeed { get; }
    public long BobFeed { get; }
    public HttpClient Http { get; }

    public static async Task<ApiHarness> StartAsync(string engine = "sqlite", int items = 3)
    {
        var annSite = await FeedSite.StartAsync("Ann's Blog", items);
        var bobSite = await FeedSite.StartAsync("Bob's Blog", 2);
        var app = await ReaderApp.StartAsync(engine);
        var ann = await app.CreateUserAsync("ann");
        var bob = await app.CreateUserAsync("bob");
        var credentials = app.Get<ApiCredentialStore>();
        await credentials.SetAsync(ann.Id, ApiPassword.For("ann", AnnApiPassword));
        await credentials.SetAsync(bob.Id, ApiPassword.For("bob", BobApiPassword));
        var service = app.Get<SubscriptionService>();
        var annFeed = (await service.SubscribeAsync(ann.Id, annSite.FeedUrl.AbsoluteUri, "Blogs", null, CancellationToken.None)).FeedId!.Value;
        var bobFeed = (await service.SubscribeAsync(bob.Id, bobSite.FeedUrl.AbsoluteUri, null, null, CancellationToken.None)).FeedId!.Value;
        return new ApiHarness(app, annSite, bobSite, ann, bob, annFeed, bobFeed);
    }

    /// <summary>Fetches a feed now, as the scheduler would.</summary>
    public async Task RefreshAsync(long feedId)
    {
        RefreshOutcome? outcome = null;
        await App.Get<RefreshRunner>().RunNowAsync([feedId], o => outcome = o, CancellationToken.None);
        Assert.True(outcome is not null, "the feed was not refreshed");
        Assert.True(outcome.Result == RefreshResult.Updated, outcome.ToString());
    }

    /// <summary>The entry ids of a user, newest first.</summary>
    public async Task<List<long>> EntryIdsAsync(User user) =>
        (await App.Get<EntryStore>().PageAsync(user.Id, new EntryQuery { View = EntryView.All, Limit = 1000 })).Items.Select(e => e.EntryId).ToList();

    public async Task<EntryDetail> EntryAsync(User user, long id) => (await App.Get<EntryStore>().GetAsync(user.Id, id))!;

    public async Task<string> ClientLoginAsync(string name, string password)
    {
        using var response = await Http.PostAsync("api/greader/accounts/ClientLogin", Form(("Email", name), ("Passwd", password)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"ClientLogin answered {response.StatusCode}: {body}");
        return body.Split('\n').Single(l => l.StartsWith("Auth=", StringComparison.Ordinal))[5..];
    }

    /// <summary>A Google Reader client signed in as ann (or bob), with its write token.</summary>
    public async Task<GReaderClient> GReaderAsync(string name = "ann", string basePath = "api/greader")
    {
        var auth = await ClientLoginAsync(name, name == "ann" ? AnnApiPassword : BobApiPassword);
        var client = new GReaderClient(Http, auth, basePath);
        client.WriteToken = (await client.GetAsync("reader/api/0/token")).Body.Trim();
        return client;
    }

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        await AnnSite.DisposeAsync();
        await BobSite.DisposeAsync();
    }
}

/// <summary>An answer: status, body and, when it is JSON, the parsed document.</summary>
internal sealed record ApiAnswer(HttpStatusCode Status, string Body, string? ContentType, HttpResponseHeaders Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>A Google Reader client: sends the GoogleLogin header, and the write token where asked.</summary>
internal sealed class GReaderClient(HttpClient http, string auth, string basePath)
{
    public string Auth { get; } = auth;

    public string? WriteToken { get; set; }

    public async Task<ApiAnswer> GetAsync(string path, string? authHeader = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{basePath}/{path}");
        request.Headers.TryAddWithoutValidation("Authorization", authHeader ?? $"GoogleLogin auth={Auth}");
        return await SendAsync(request);
    }

    /// <summary>Posts a form; <paramref name="withToken"/> adds T (the write token).</summary>
    public async Task<ApiAnswer> PostAsync(string path, bool withToken, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{basePath}/{path}")
        {
            Content = ApiHarness.Form(withToken ? [.. fields, ("T", WriteToken!)] : fields),
        };
        request.Headers.TryAddWithoutValidation("Authorization", $"GoogleLogin auth={Auth}");
        return await SendAsync(request);
    }

    private async Task<ApiAnswer> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        return new ApiAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType, response.Headers);
    }
}
