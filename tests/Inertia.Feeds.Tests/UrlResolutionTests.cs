using Inertia.Feeds.Text;

namespace Inertia.Feeds.Tests;

public class UrlResolutionTests
{
    [Fact]
    public void Relative_links_resolve_against_the_feeds_site_link()
    {
        var feed = Parse.Unsanitized("""
            <rss version="2.0"><channel><title>T</title><link>https://example.com/blog/</link>
              <item><title>a</title><link>posts/1</link><enclosure url="/media/a.mp3" type="audio/mpeg"/><comments>../c/1</comments></item>
            </channel></rss>
            """, "https://feeds.example.net/rss");
        var entry = Parse.Single(feed);
        Assert.Equal("https://example.com/blog/posts/1", entry.Link);
        Assert.Equal("https://example.com/media/a.mp3", entry.Enclosures[0].Url);
        Assert.Equal("https://example.com/c/1", entry.CommentsUrl);
    }

    [Fact]
    public void Without_a_site_link_the_document_url_is_the_base()
    {
        var feed = Parse.Unsanitized("<rss version=\"2.0\"><channel><title>T</title><item><title>a</title><link>/p/1</link></item></channel></rss>", "https://example.org/feed.xml");
        Assert.Equal("https://example.org/p/1", Parse.Single(feed).Link);
    }

    [Fact]
    public void Xml_base_wins_and_nests()
    {
        var feed = Parse.Unsanitized("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/root/">
              <title>t</title>
              <link href="/home"/>
              <entry xml:base="sub/">
                <id>1</id>
                <link href="page.html"/>
                <content type="html" xml:base="https://cdn.example/x/">&lt;img src="i.png"&gt;</content>
              </entry>
            </feed>
            """, "https://feeds.example/atom");
        Assert.Equal("https://a.example/home", feed.Link);
        var entry = Parse.Single(feed);
        Assert.Equal("https://a.example/root/sub/page.html", entry.Link);
    }

    [Fact]
    public void Content_urls_resolve_against_the_contents_own_base_when_sanitized()
    {
        var feed = Parse.Default("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><link href="https://site.example/"/>
              <entry><id>1</id><content type="html" xml:base="https://cdn.example/x/">&lt;img src="i.png"&gt; &lt;a href="/about"&gt;a&lt;/a&gt;</content></entry>
            </feed>
            """);
        var content = Parse.Single(feed).Content!;
        Assert.Contains("src=\"https://cdn.example/x/i.png\"", content, StringComparison.Ordinal);
        Assert.Contains("href=\"https://cdn.example/about\"", content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://a.example/x", "https://base.example/", "https://a.example/x")]
    [InlineData("//cdn.example/i.png", "https://base.example/dir/", "https://cdn.example/i.png")]
    [InlineData("  /p?q=1#f  ", "https://base.example/dir/", "https://base.example/p?q=1#f")]
    [InlineData("p\n/1", "https://base.example/dir/", "https://base.example/dir/p/1")]
    [InlineData("relative", null, "relative")]
    [InlineData("mailto:a@b.example", "https://base.example/", "mailto:a@b.example")]
    public void Feed_urls_resolve(string reference, string? baseUri, string expected) =>
        Assert.Equal(expected, FeedUrls.Resolve(reference, baseUri is null ? null : new Uri(baseUri)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Empty_references_are_null(string? reference) =>
        Assert.Null(FeedUrls.Resolve(reference, new Uri("https://base.example/")));
}
