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
    [InlineData("//cdn.example/i.png", null, "https://cdn.example/i.png")]
    public void Feed_urls_resolve(string reference, string? baseUri, string expected) =>
        Assert.Equal(expected, FeedUrls.Resolve(reference, baseUri is null ? null : new Uri(baseUri)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Empty_references_are_null(string? reference) =>
        Assert.Null(FeedUrls.Resolve(reference, new Uri("https://base.example/")));

    [Theory]
    [InlineData("javascript:alert(1)", "https://base.example/")]
    [InlineData("  JavaScript:alert(1)", "https://base.example/")]
    [InlineData("java\tscript:alert(1)", "https://base.example/")]
    [InlineData("vbscript:x", "https://base.example/")]
    [InlineData("data:text/html,x", "https://base.example/")]
    [InlineData("file:///etc/passwd", "https://base.example/")]
    [InlineData("mailto:a@b.example", "https://base.example/")]
    [InlineData("ftp://files.example/a", "https://base.example/")]
    [InlineData("relative", null)]
    [InlineData("/blog/", "file:///home/me/feed.xml")]
    public void Only_http_and_https_urls_come_out(string reference, string? baseUri) =>
        Assert.Null(FeedUrls.Resolve(reference, baseUri is null ? null : new Uri(baseUri)));

    [Fact]
    public void Rss_fields_with_other_schemes_are_left_out_with_a_warning()
    {
        var feed = Parse.Unsanitized("""
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"
                 xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
                 xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">
              <channel>
                <title>T</title>
                <link>javascript:alert(1)</link>
                <atom:link rel="self" href="data:application/rss+xml,x"/>
                <atom:link rel="hub" href="vbscript:x"/>
                <image><url>javascript:x</url></image>
                <itunes:image href="javascript:y"/>
                <item>
                  <title>a</title>
                  <link>javascript:void(0)</link>
                  <comments>vbscript:x</comments>
                  <wfw:commentRss>javascript:c</wfw:commentRss>
                  <enclosure url="data:text/html,x" type="text/html"/>
                  <media:content url="javascript:m" medium="image"/>
                  <media:thumbnail url="javascript:t"/>
                </item>
                <item>
                  <title>b</title>
                  <guid>tag:example.com,2024:b</guid>
                  <feedburner:origLink>javascript:o</feedburner:origLink>
                </item>
              </channel>
            </rss>
            """, "https://example.com/feed.xml");
        Assert.Null(feed.Link);
        Assert.Null(feed.FeedUrl);
        Assert.Empty(feed.HubUrls);
        Assert.Null(feed.Image);
        var a = feed.Entries[0];
        Assert.Null(a.Link);
        Assert.StartsWith("sha256:", a.Id, StringComparison.Ordinal);
        Assert.Null(a.CommentsUrl);
        Assert.Null(a.CommentsFeedUrl);
        Assert.Null(a.ImageUrl);
        Assert.Empty(a.Enclosures);
        var b = feed.Entries[1];
        Assert.Equal("tag:example.com,2024:b", b.Id);
        Assert.Null(b.Link);
        Assert.True(feed.Warned("a javascript: URL was left out (only http and https URLs are kept)"));
        Assert.True(feed.Warned("a vbscript: URL was left out"));
        Assert.True(feed.Warned("a data: URL was left out"));
        Assert.NotNull(feed.Warnings.First(w => w.Message.Contains("javascript:", StringComparison.Ordinal)).Line);
    }

    [Fact]
    public void Atom_fields_with_other_schemes_are_left_out_with_a_warning()
    {
        var feed = Parse.Atom("""
            <title>T</title>
            <link href="javascript:alert(1)"/>
            <link rel="self" href="data:text/html,x"/>
            <link rel="hub" href="vbscript:x"/>
            <icon>javascript:i</icon>
            <logo>javascript:l</logo>
            <author><name>Ann</name><uri>javascript:a</uri></author>
            <entry>
              <id>urn:e1</id>
              <title>e</title>
              <link href="javascript:e"/>
              <link rel="enclosure" href="data:audio/mpeg,x" type="audio/mpeg"/>
              <link rel="replies" href="vbscript:r" type="text/html"/>
              <author><name>Bob</name><uri>mailto:bob@example.com</uri></author>
            </entry>
            """);
        Assert.Null(feed.Link);
        Assert.Null(feed.FeedUrl);
        Assert.Empty(feed.HubUrls);
        Assert.Null(feed.Icon);
        Assert.Null(feed.Image);
        Assert.Equal([new Person("Ann")], feed.Authors);
        var entry = Parse.Single(feed);
        Assert.Equal("urn:e1", entry.Id);
        Assert.Null(entry.Link);
        Assert.Empty(entry.Enclosures);
        Assert.Null(entry.CommentsUrl);
        Assert.Equal([new Person("Bob", null, "mailto:bob@example.com")], entry.Authors);
        Assert.True(feed.Warned("a javascript: URL was left out"));
    }

    [Fact]
    public void Json_feed_fields_with_other_schemes_are_left_out_with_a_warning()
    {
        var feed = Parse.Unsanitized("""
            {
              "version": "https://jsonfeed.org/version/1.1",
              "title": "T",
              "home_page_url": "javascript:alert(1)",
              "feed_url": "data:application/json,x",
              "icon": "javascript:i",
              "favicon": "vbscript:f",
              "hubs": [{"type": "WebSub", "url": "javascript:h"}],
              "authors": [{"name": "Ann", "url": "javascript:a"}],
              "items": [
                {"id": "1", "url": "javascript:u", "external_url": "javascript:x", "image": "javascript:m",
                 "content_text": "c", "attachments": [{"url": "data:text/html,x", "mime_type": "text/html"}]},
                {"url": "javascript:only", "title": "no id"}
              ]
            }
            """, "https://example.org/feed.json");
        Assert.Null(feed.Link);
        Assert.Null(feed.FeedUrl);
        Assert.Null(feed.Image);
        Assert.Null(feed.Icon);
        Assert.Empty(feed.HubUrls);
        Assert.Equal([new Person("Ann")], feed.Authors);
        var first = feed.Entries[0];
        Assert.Null(first.Link);
        Assert.Null(first.ImageUrl);
        Assert.Empty(first.Enclosures);
        Assert.Null(feed.Entries[1].Link);
        Assert.StartsWith("sha256:", feed.Entries[1].Id, StringComparison.Ordinal);
        Assert.True(feed.Warned("a javascript: URL was left out"));
        Assert.True(feed.Warned("a vbscript: URL was left out"));
        Assert.True(feed.Warned("a data: URL was left out"));
    }

    [Fact]
    public void Without_any_base_relative_urls_are_left_out_and_absolute_ones_kept()
    {
        var feed = Parse.Unsanitized("""
            <rss version="2.0"><channel><title>T</title><link>/blog/</link>
              <item><title>a</title><link>/blog/a</link><enclosure url="//cdn.example/a.mp3" type="audio/mpeg"/></item>
              <item><title>b</title><link>https://example.com/b</link></item>
            </channel></rss>
            """);
        Assert.Null(feed.Link);
        Assert.Null(feed.Entries[0].Link);
        Assert.Equal("https://cdn.example/a.mp3", feed.Entries[0].Enclosures[0].Url);
        Assert.Equal("https://example.com/b", feed.Entries[1].Link);
        Assert.True(feed.Warned("a relative URL was left out: there is no xml:base, site link or document address"));
    }

    [Fact]
    public void The_feeds_own_links_resolve_against_its_site_link_whatever_their_order()
    {
        var atom = Parse.Atom("""<title>T</title><link rel="self" href="/blog/atom.xml"/><link rel="hub" href="hub"/><link href="https://www.example.com/"/>""");
        var rss = Parse.Rss("""<title>T</title><atom:link rel="self" href="/feed.xml"/><link>https://www.example.com/blog/</link>""", "xmlns:atom=\"http://www.w3.org/2005/Atom\"");

        Assert.Equal("https://www.example.com/blog/atom.xml", atom.FeedUrl);
        Assert.Equal(["https://www.example.com/hub"], atom.HubUrls);
        Assert.Equal("https://www.example.com/feed.xml", rss.FeedUrl);
        Assert.Empty(atom.Warnings);
    }

    [Fact]
    public void A_file_document_address_never_yields_file_urls()
    {
        var feed = Parse.Unsanitized("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.com/base/">
              <title>T</title><link href="/blog/"/>
              <entry><id>1</id><link href="post"/></entry>
            </feed>
            """, "file:///home/me/feed.xml");
        Assert.Equal("https://example.com/blog/", feed.Link);
        Assert.Equal("https://example.com/base/post", Parse.Single(feed).Link);
    }
}
