using System.Net;
using static Inertia.Tests.Api.Miniflux.ApiFixture;

namespace Inertia.Tests.Api.Miniflux;

/// <summary>Another user's ids answer 404 on every endpoint that takes an id, and change nothing.</summary>
public sealed class OtherUserTests
{
    [Fact]
    public async Task Another_users_feeds_categories_entries_and_icons_are_404_and_stay_unchanged()
    {
        await using var api = await StartAsync();
        var folder = (await api.Client.PostAsync("/v1/categories", new { title = "Ann's" })).Json.GetProperty("id").GetInt64();
        var feed = await SubscribeAsync(api.Client, api.Site.FeedUrl, folder);
        await api.App.Get<Inertia.Storage.Feeds.IconStore>().SaveAsync(feed, "image/png", Web.FeedSite.Png, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        var entry = (await api.Client.GetAsync("/v1/entries")).Ids("entries")[0];
        await api.App.CreateUserAsync("bob", Password);
        using var bob = ApiClient.Basic(api.App.BaseUrl, "bob", Password);
        string f = Id(feed), k = Id(folder), e = Id(entry);

        foreach (var path in new[]
        {
            $"/v1/feeds/{f}", $"/v1/feeds/{f}/entries", $"/v1/feeds/{f}/entries/{e}", $"/v1/feeds/{f}/icon", $"/v1/icons/{f}",
            $"/v1/categories/{k}/feeds", $"/v1/categories/{k}/entries", $"/v1/categories/{k}/entries/{e}", $"/v1/entries/{e}",
        })
        {
            var answer = (await bob.GetAsync(path)).Is(HttpStatusCode.NotFound);
            Assert.Equal("Resource Not Found", answer.ErrorMessage);
            Assert.DoesNotContain("Post", answer.Body, StringComparison.Ordinal);
        }
        (await bob.PutAsync($"/v1/feeds/{f}", new { title = "Mine now" })).Is(HttpStatusCode.NotFound);
        (await bob.PutAsync($"/v1/feeds/{f}/refresh")).Is(HttpStatusCode.NotFound);
        (await bob.PutAsync($"/v1/feeds/{f}/mark-all-as-read")).Is(HttpStatusCode.NotFound);
        (await bob.DeleteAsync($"/v1/feeds/{f}")).Is(HttpStatusCode.NotFound);
        (await bob.PutAsync($"/v1/categories/{k}", new { title = "Mine now" })).Is(HttpStatusCode.NotFound);
        (await bob.PutAsync($"/v1/categories/{k}/mark-all-as-read")).Is(HttpStatusCode.NotFound);
        (await bob.PutAsync($"/v1/categories/{k}/refresh")).Is(HttpStatusCode.NotFound);
        (await bob.DeleteAsync($"/v1/categories/{k}")).Is(HttpStatusCode.NotFound);
        (await bob.PutAsync($"/v1/entries/{e}/bookmark")).Is(HttpStatusCode.NotFound);
        // As in Miniflux, a bulk change ignores ids that are not the caller's.
        (await bob.PutAsync("/v1/entries", new { entry_ids = new[] { entry }, status = "read" })).Is(HttpStatusCode.NoContent);
        (await bob.PostAsync("/v1/feeds", new { feed_url = api.Site.FeedUrl.AbsoluteUri, category_id = folder })).Is(HttpStatusCode.BadRequest);
        Assert.Equal(0, (await bob.GetAsync($"/v1/entries?feed_id={f}")).Json.GetProperty("total").GetInt64());
        Assert.Equal(0, (await bob.GetAsync($"/v1/entries?category_id={k}")).Json.GetProperty("total").GetInt64());
        Assert.Empty((await bob.GetAsync("/v1/feeds")).Json.EnumerateArray());
        Assert.Equal([0L], (await bob.GetAsync("/v1/categories")).Ids());
        Assert.DoesNotContain(api.Site.FeedUrl.AbsoluteUri, (await bob.GetAsync("/v1/export")).Body, StringComparison.Ordinal);
        Assert.Empty((await bob.GetAsync("/v1/feeds/counters")).Json.GetProperty("unreads").EnumerateObject());

        // Ann's data is as it was.
        var feedJson = (await api.Client.GetAsync($"/v1/feeds/{f}")).Is(HttpStatusCode.OK).Json;
        Assert.Equal("Loopback Blog", feedJson.GetProperty("title").GetString());
        Assert.Equal("Ann's", feedJson.GetProperty("category").GetProperty("title").GetString());
        var entryJson = (await api.Client.GetAsync($"/v1/entries/{e}")).Json;
        Assert.Equal("unread", entryJson.GetProperty("status").GetString());
        Assert.False(entryJson.GetProperty("starred").GetBoolean());
        Assert.Equal(3, (await api.Client.GetAsync("/v1/entries?status=unread")).Json.GetProperty("total").GetInt64());
    }
}
