using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Inertia.FeedFarm;

/// <summary>
/// The farm's feeds, made deterministically from their number and the current round: 20 to 50 items of
/// realistic HTML (paragraphs, links, images, code, lists) each, with several authors and categories.
/// In round 3 and later, 5% of the feeds (every twentieth) have new items at the top. With
/// <c>itemsPerFeed</c>, every feed has exactly that many items instead.
/// </summary>
internal sealed class FarmFeeds(int count, DateTimeOffset epoch, int? itemsPerFeed = null)
{
    private static readonly string[] Words =
        ("the of and to in is that for it as was with be by on not he this are or his from at which but have an they you were her she there been " +
         "network server latency cache edge browser protocol request response database index query storage memory thread process kernel packet " +
         "feed reader article subscribe folder unread star search 订阅 阅读 文章 网络 服务器 缓存 数据库 搜索 开发者 工程师 安全 性能").Split(' ');

    private readonly ConcurrentDictionary<(int Feed, int Version), (byte[] Body, string ETag)> _cache = new();

    public int Count => count;

    public int Round { get; set; } = 1;

    /// <summary>Every tenth feed serves no validators, as many real servers do: its body comes back whole each time.</summary>
    public static bool SupportsConditionalGet(int feed) => feed % 10 != 9;

    /// <summary>Makes every feed of rounds 1 and 3 ahead of time.</summary>
    public void Prepare() => Parallel.For(0, count, feed =>
    {
        _cache.GetOrAdd((feed, 1), key => Build(key.Feed, key.Version));
        if (feed % 20 == 0)
        {
            _cache.GetOrAdd((feed, 2), key => Build(key.Feed, key.Version));
        }
    });

    public (byte[] Body, string ETag) Get(int feed)
    {
        var version = feed % 20 == 0 && Round >= 3 ? Round - 1 : 1;
        return _cache.GetOrAdd((feed, version), key => Build(key.Feed, key.Version));
    }

    public DateTimeOffset LastModified(int feed) => epoch.AddHours(feed % 20 == 0 && Round >= 3 ? Round : 0);

    private (byte[] Body, string ETag) Build(int feed, int version)
    {
        var random = new Random(feed * 7919);
        var items = itemsPerFeed ?? 20 + random.Next(31);
        var xml = new StringBuilder(items * 2600);
        xml.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel><title>Farm feed {feed}</title><link>https://site{feed}.example/</link><description>Feed number {feed} of the farm</description>
            <language>{(feed % 5 == 0 ? "zh-cn" : "en")}</language><lastBuildDate>{epoch.AddHours(version):R}</lastBuildDate>
            """);
        // Newer versions have (version - 1) new items on top; the oldest items stay, as in real feeds.
        for (var i = -(version - 1); i < items; i++)
        {
            var itemRandom = new Random((feed * 100_003) + i);
            var published = epoch.AddHours(-(i * 6) - (feed % 6));
            xml.Append(CultureInfo.InvariantCulture, $"""
                <item><title>{Sentence(itemRandom, 8)}</title><link>https://site{feed}.example/posts/{i}</link>
                <guid isPermaLink="false">farm-{feed}-{i}</guid><pubDate>{published:R}</pubDate>
                <dc:creator>Author {itemRandom.Next(5)}</dc:creator><dc:creator>Editor {itemRandom.Next(3)}</dc:creator>
                <category>Topic {itemRandom.Next(12)}</category><category>Tag {itemRandom.Next(40)}</category>
                <description><![CDATA[{Sentence(itemRandom, 30)}]]></description>
                <content:encoded><![CDATA[{Article(itemRandom, feed, i)}]]></content:encoded></item>
                """);
        }
        xml.Append("</channel></rss>");
        var body = Encoding.UTF8.GetBytes(xml.ToString());
        return (body, "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..16] + "\"");
    }

    private static string Article(Random random, int feed, int item)
    {
        var html = new StringBuilder(2600);
        var paragraphs = 3 + random.Next(5);
        for (var p = 0; p < paragraphs; p++)
        {
            html.Append("<p>").Append(Sentence(random, 25 + random.Next(30)));
            if (random.Next(3) == 0)
            {
                html.Append(CultureInfo.InvariantCulture, $" <a href=\"/posts/{item}/ref{p}\">{Sentence(random, 3)}</a>");
            }
            html.Append(" <strong>").Append(Sentence(random, 4)).Append("</strong>.</p>\n");
            if (p == 1)
            {
                html.Append(CultureInfo.InvariantCulture, $"<figure><img src=\"https://cdn{feed % 50}.example/{item}.png\" alt=\"{Sentence(random, 4)}\" width=\"800\" height=\"450\"><figcaption>{Sentence(random, 6)}</figcaption></figure>\n");
            }
            if (p == 2 && random.Next(2) == 0)
            {
                html.Append("<pre><code class=\"language-go\">func main() {\n\tfmt.Println(\"hello &amp; &lt;world&gt;\")\n}</code></pre>\n");
            }
        }
        html.Append("<ul><li>").Append(Sentence(random, 5)).Append("</li><li>").Append(Sentence(random, 5)).Append("</li></ul>");
        return html.ToString();
    }

    private static string Sentence(Random random, int words)
    {
        var text = new StringBuilder(words * 7);
        for (var w = 0; w < words; w++)
        {
            text.Append(w == 0 ? "" : " ").Append(Words[random.Next(Words.Length)]);
        }
        return text.ToString();
    }
}
