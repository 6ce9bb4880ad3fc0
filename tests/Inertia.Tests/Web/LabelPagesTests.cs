using System.Globalization;
using System.Net;

namespace Inertia.Tests.Web;

/// <summary>Labels in the reader over real HTTP: put on and taken off in the article view, shown in lists and the sidebar, searched.</summary>
public sealed class LabelPagesTests
{
    [Fact]
    public async Task A_reader_labels_an_entry_sees_the_label_everywhere_and_takes_it_off()
    {
        await using var site = await FeedSite.StartAsync("Labelled", items: 2);
        await using var app = await ReaderApp.StartAsync();
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            var feedId = await ReaderPagesTests.SubscribeAsync(client, site.FeedUrl);
            var list = await client.GetAsync($"/feeds/{feedId.ToString(CultureInfo.InvariantCulture)}");
            var entryId = list.Document.QuerySelector("#entries .entry")!.GetAttribute("data-id")!;
            var article = $"/entries/{entryId}";

            var added = await client.PostAsync($"{article}/labels", article, false, ("label", "  Must Read  "), ("returnUrl", article));
            Assert.Equal((HttpStatusCode.Redirect, article), (added.Status, added.Location));
            var page = await client.GetAsync(article);
            Assert.Equal(["Must Read"], page.Texts(".label-list .label-chip a"));
            Assert.Equal("/search?q=" + Uri.EscapeDataString("label:\"Must Read\""), page.Document.QuerySelector(".label-chip a")!.GetAttribute("href"));
            Assert.Equal(["Must Read"], page.Document.QuerySelectorAll("#label-names option").Select(o => o.GetAttribute("value")));
            Assert.Equal(["Must Read 1"], page.Texts(".labels-nav a").Select(t => string.Join(' ', t.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))));

            var inList = await client.GetAsync($"/feeds/{feedId.ToString(CultureInfo.InvariantCulture)}");
            Assert.Equal(["Must Read"], inList.Texts("#entries .entry-labels span"));
            var found = await client.GetAsync("/search?q=" + Uri.EscapeDataString("label:\"must read\""));
            Assert.Equal(entryId, found.Document.QuerySelector("#entries .entry")!.GetAttribute("data-id"));
            Assert.Equal(["Must Read"], found.Texts("#entries .entry-labels span"));

            var refused = await client.PostAsync($"{article}/labels", article, true, ("label", "a/b"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains("without / or", refused.Html, StringComparison.Ordinal);

            var removed = await client.PostAsync($"{article}/labels/remove", article, true, ("label", "must read"));
            Assert.Equal("""{"changed":1}""", removed.Html);
            Assert.Empty((await client.GetAsync(article)).Texts(".label-list .label-chip"));
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/entries/999999/labels", article, true, ("label", "x"))).Status);
        }
    }
}
