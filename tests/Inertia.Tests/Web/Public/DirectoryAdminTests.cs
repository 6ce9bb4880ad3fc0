using System.Globalization;
using System.Net;
using Inertia.Storage.Public;

namespace Inertia.Tests.Web.Public;

/// <summary>Administrators edit the directory from its page; nobody else can.</summary>
public sealed class DirectoryAdminTests
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static (string, string)[] Form(string name, string feedUrl, string category = "Tech news", string language = "en", bool isPublic = true, long? id = null)
    {
        var fields = new List<(string, string)> { ("Name", name), ("FeedUrl", feedUrl), ("SiteUrl", ""), ("IconUrl", ""), ("Category", category), ("Language", language), ("Description", "Something to read.") };
        if (isPublic)
        {
            fields.Add(("IsPublic", "true"));
        }
        fields.Add(("IsPublic", "false"));
        if (id is { } sourceId)
        {
            fields.Add(("SourceId", Id(sourceId)));
        }
        return fields.ToArray();
    }

    [Fact]
    public async Task Administrators_add_change_and_remove_sources_and_choose_which_are_public()
    {
        await using var app = await ReaderApp.StartAsync();
        var (admin, _) = await app.SignedInAsync("root", admin: true);
        using (admin)
        {
            var page = await admin.GetAsync("/admin/directory");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(49, page.Document.QuerySelectorAll(".directory-table tbody tr").Length);
            Assert.NotNull((await admin.GetAsync("/directory")).Document.QuerySelector("a[href='/admin/directory']"));

            var added = await admin.PostAsync("/admin/directory?handler=Save", "/admin/directory", false, Form("Example News", "HTTPS://News.Example.com/feed"));
            Assert.Equal(HttpStatusCode.Redirect, added.Status);
            var source = (await app.Get<DirectoryStore>().ListAsync(new DirectoryFilter(NameContains: "Example News"), null)).Single();
            Assert.Equal(("https://news.example.com/feed", "Tech news", "en", true), (source.FeedUrl, source.Category, source.Language, source.IsPublic));
            Assert.Equal(["Example News"], (await admin.GetAsync("/directory?category=Tech%20news")).Texts(".directory-card h3"));

            var duplicate = await admin.PostAsync("/admin/directory?handler=Save", "/admin/directory", false, Form("Again", "https://news.example.com/feed"));
            Assert.Equal(HttpStatusCode.OK, duplicate.Status);
            Assert.Contains("already has a feed at https://news.example.com/feed", duplicate.Text(".errors"), StringComparison.Ordinal);

            var invalid = await admin.PostAsync("/admin/directory?handler=Save", "/admin/directory", false, Form("", "javascript:alert(1)", category: "", language: "e n"));
            Assert.Equal(HttpStatusCode.OK, invalid.Status);
            Assert.Equal(4, invalid.Document.QuerySelectorAll(".errors li").Length);
            Assert.Equal(50, (await app.Get<DirectoryStore>().ListAsync(new DirectoryFilter(), null)).Count);

            var editing = await admin.GetAsync($"/admin/directory?edit={Id(source.Id)}");
            Assert.Equal("Example News", editing.Document.QuerySelector("#source-form input[name=Name]")!.GetAttribute("value"));
            var changed = await admin.PostAsync("/admin/directory?handler=Save", "/admin/directory", false, Form("Example 新闻", "https://news.example.com/feed", "Chinese tech media", "zh", isPublic: false, id: source.Id));
            Assert.Equal(HttpStatusCode.Redirect, changed.Status);
            source = (await app.Get<DirectoryStore>().GetAsync(source.Id))!;
            Assert.Equal(("Example 新闻", "Chinese tech media", "zh", false), (source.Name, source.Category, source.Language, source.IsPublic));
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/directory?edit=999999")).Status);

            var removed = await admin.PostAsync("/admin/directory?handler=Delete", "/admin/directory", false, ("SourceId", Id(source.Id)));
            Assert.Equal(HttpStatusCode.Redirect, removed.Status);
            Assert.Null(await app.Get<DirectoryStore>().GetAsync(source.Id));
            Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/admin/directory?handler=Delete", "/admin/directory", false, ("SourceId", Id(source.Id)))).Status);
        }
    }

    [Fact]
    public async Task Readers_and_visitors_cannot_edit_the_directory()
    {
        await using var app = await ReaderApp.StartAsync();
        await app.CreateUserAsync("root", admin: true);
        var (reader, _) = await app.SignedInAsync("ann");
        using var visitor = app.NewClient();
        var store = app.Get<DirectoryStore>();
        var target = (await store.ListAsync(new DirectoryFilter(NameContains: "Martin Fowler"), null)).Single();
        using (reader)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/admin/directory")).Status);
            Assert.Null((await reader.GetAsync("/directory")).Document.QuerySelector("a[href='/admin/directory']"));
            Assert.Equal(HttpStatusCode.NotFound, (await reader.PostAsync("/admin/directory?handler=Save", "/settings", false, Form("Sneaky", "https://sneaky.example/feed"))).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await reader.PostAsync("/admin/directory?handler=Delete", "/settings", false, ("SourceId", Id(target.Id)))).Status);
        }
        Assert.Equal("/login?returnUrl=%2Fadmin%2Fdirectory", (await visitor.GetAsync("/admin/directory")).Location);
        var posted = await visitor.PostWithoutTokenAsync("/admin/directory?handler=Delete", [new("SourceId", Id(target.Id))]);
        Assert.NotEqual(HttpStatusCode.OK, posted.Status);
        Assert.Equal(49, (await store.ListAsync(new DirectoryFilter(), null)).Count);
        Assert.NotNull(await store.GetAsync(target.Id));
    }
}
