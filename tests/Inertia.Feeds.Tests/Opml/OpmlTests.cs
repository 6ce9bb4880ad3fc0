using System.Text;
using Inertia.Feeds.Opml;

namespace Inertia.Feeds.Tests.Opml;

public class OpmlTests
{
    private static OpmlDocument Read(string opml) => OpmlReader.Read(Encoding.UTF8.GetBytes(opml));

    [Fact]
    public void Folders_titles_and_addresses_are_read()
    {
        var document = Read("""
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="1.0"><head><title>Feedly export</title></head><body>
              <outline text="Tech" title="Tech">
                <outline type="rss" text="Ars" title="Ars Technica" xmlUrl="https://feeds.arstechnica.com/arstechnica/index" htmlUrl="https://arstechnica.com"/>
                <outline text="Nested">
                  <outline type="rss" text="Deep" xmlUrl="https://deep.example/feed"/>
                </outline>
              </outline>
              <outline type="rss" text="阮一峰的网络日志" xmlUrl="http://www.ruanyifeng.com/blog/atom.xml"/>
              <outline type="rss" text="Category only" xmlUrl="https://cat.example/feed" category="/Work/Reading,/Other"/>
            </body></opml>
            """);
        Assert.Equal("Feedly export", document.Title);
        Assert.Equal(
            [
                new OpmlFeed("https://feeds.arstechnica.com/arstechnica/index", "Ars Technica", "https://arstechnica.com", "Tech"),
                new OpmlFeed("https://deep.example/feed", "Deep", null, "Nested"),
                new OpmlFeed("http://www.ruanyifeng.com/blog/atom.xml", "阮一峰的网络日志", null, null),
                new OpmlFeed("https://cat.example/feed", "Category only", null, "Reading"),
            ],
            document.Feeds);
        Assert.Empty(document.Warnings);
    }

    [Fact]
    public void Duplicates_and_unusable_addresses_are_left_out_with_warnings()
    {
        var document = Read("""
            <opml version="2.0"><body>
              <outline text="A" xmlUrl="https://a.example/feed"/>
              <outline text="A again" xmlUrl="https://a.example/feed"/>
              <outline text="Bad" xmlUrl="javascript:alert(1)"/>
            </body></opml>
            """);
        Assert.Equal(["https://a.example/feed"], document.Feeds.Select(f => f.FeedUrl));
        Assert.Equal(2, document.Warnings.Count);
        Assert.Contains(document.Warnings, w => w.Message.Contains("more than once", StringComparison.Ordinal));
        Assert.Contains(document.Warnings, w => w.Message.Contains("no usable feed address", StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_opml_is_repaired_and_other_documents_are_refused()
    {
        var broken = Read("<opml><body><outline text=\"Tom & Jerry\" xmlUrl=\"https://t.example/feed?a=1&b=2\"><outline text=\"x\" xmlUrl=\"https://x.example/\"></body>");
        Assert.Equal(["https://t.example/feed?a=1&b=2", "https://x.example/"], broken.Feeds.Select(f => f.FeedUrl));
        Assert.NotEmpty(broken.Warnings);

        var error = Assert.Throws<FeedParseException>(() => Read("<rss version=\"2.0\"><channel/></rss>"));
        Assert.Equal(FeedParseError.NotAFeed, error.Error);
        Assert.Contains("not OPML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Written_opml_reads_back_the_same()
    {
        var feeds = new[]
        {
            new OpmlFeed("https://a.example/feed", "Alpha & Co", "https://a.example/", "Tech"),
            new OpmlFeed("https://b.example/feed", "贝塔", null, null),
            new OpmlFeed("https://c.example/feed", "Gamma", null, "Tech"),
        };
        using var output = new MemoryStream();
        OpmlWriter.Write(output, "Mine", feeds, new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));

        var text = Encoding.UTF8.GetString(output.ToArray());
        var read = OpmlReader.Read(output.ToArray());

        Assert.Contains("<opml version=\"2.0\">", text, StringComparison.Ordinal);
        Assert.Contains("<dateCreated>Wed, 25 Nov 2026 00:00:00 GMT</dateCreated>", text, StringComparison.Ordinal);
        Assert.EndsWith("</opml>\n", text, StringComparison.Ordinal);
        Assert.Equal("Mine", read.Title);
        Assert.Equal(feeds.OrderBy(f => f.FeedUrl, StringComparer.Ordinal), read.Feeds.OrderBy(f => f.FeedUrl, StringComparer.Ordinal));
        Assert.Empty(read.Warnings);
    }
}
