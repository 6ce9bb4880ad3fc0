using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace Inertia.Feeds.Tests;

/// <summary>The seed feed (The Cloudflare Blog, RSS 2.0) must be read perfectly: it is what the product was described from.</summary>
public class SeedFeedTests
{
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    [SharedDataFact]
    public void Channel_is_read()
    {
        var feed = FeedParser.Default.Parse(File.ReadAllBytes(SharedData.SeedFeed));
        Assert.Equal(FeedFormat.Rss20, feed.Format);
        Assert.Equal("The Cloudflare Blog", feed.Title);
        Assert.Equal("https://blog.cloudflare.com", feed.Link);
        Assert.Equal("https://blog.cloudflare.com/", feed.FeedUrl);
        Assert.Equal("en-us", feed.Language);
        Assert.Equal("https://blog.cloudflare.com/favicon.png", feed.Image);
        Assert.Equal(new DateTimeOffset(2026, 4, 14, 21, 25, 0, TimeSpan.Zero), feed.Updated);
        Assert.StartsWith("Get the latest news on how products at Cloudflare are built", feed.Description, StringComparison.Ordinal);
        Assert.Empty(feed.Warnings);
    }

    [SharedDataFact]
    public void Every_item_has_all_its_creators_categories_and_dates()
    {
        var feed = FeedParser.Default.Parse(File.ReadAllBytes(SharedData.SeedFeed));
        var items = XDocument.Load(SharedData.SeedFeed).Descendants("item").ToList();
        Assert.Equal(20, items.Count);
        Assert.Equal(20, feed.Entries.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var entry = feed.Entries[i];
            Assert.Equal(item.Element("title")!.Value.Trim(), entry.Title);
            Assert.Equal(item.Element("link")!.Value.Trim(), entry.Link);
            Assert.Equal(item.Element("guid")!.Value.Trim(), entry.Id);
            Assert.Equal(item.Elements(Dc + "creator").Select(c => c.Value.Trim()).Distinct(), entry.Authors.Select(a => a.Name));
            Assert.Equal(item.Elements("category").Select(c => c.Value.Trim()).Distinct(StringComparer.OrdinalIgnoreCase), entry.Categories);
            Assert.Equal(DateTimeOffset.Parse(item.Element("pubDate")!.Value, System.Globalization.CultureInfo.InvariantCulture), entry.Published);
            Assert.NotNull(entry.Summary);
        }
        Assert.Contains(feed.Entries, e => e.Authors.Count > 1);
    }

    [SharedDataFact]
    public void Whole_content_survives_sanitizing_with_figures_and_code_blocks()
    {
        var feed = FeedParser.Default.Parse(File.ReadAllBytes(SharedData.SeedFeed));
        var items = XDocument.Load(SharedData.SeedFeed).Descendants("item").ToList();
        var html = new HtmlParser();
        for (var i = 0; i < items.Count; i++)
        {
            var original = html.ParseDocument(items[i].Element(Content + "encoded")!.Value);
            var ours = html.ParseDocument(feed.Entries[i].Content!);
            foreach (var selector in new[] { "figure", "figcaption", "pre", "code", "img", "h2", "h3", "li", "table", "a" })
            {
                Assert.Equal(original.QuerySelectorAll(selector).Length, ours.QuerySelectorAll(selector).Length);
            }
            Assert.Equal(Words(original.Body!.TextContent), Words(ours.Body!.TextContent));
            foreach (var pre in ours.QuerySelectorAll("pre"))
            {
                Assert.Contains(pre.TextContent, original.Body!.TextContent, StringComparison.Ordinal);
            }
            Assert.All(ours.QuerySelectorAll("img"), img => Assert.Equal("lazy", img.GetAttribute("loading")));
        }
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
