namespace Inertia.Feeds.Tests.Formats;

public class ExtensionTests
{
    private const string Media = "xmlns:media=\"http://search.yahoo.com/mrss/\"";
    private const string ITunes = "xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"";

    [Fact]
    public void Media_rss_content_thumbnail_and_description_are_read_including_groups()
    {
        var entry = Parse.RssItem("""
            <title>Video</title><guid>v1</guid>
            <media:group>
              <media:content url="https://cdn.example/v.mp4" type="video/mp4" fileSize="2048" duration="125"/>
              <media:thumbnail url="https://cdn.example/v.jpg" width="120" height="90"/>
              <media:description>Watch &lt;this&gt;</media:description>
            </media:group>
            <enclosure url="https://cdn.example/v.mp4" type="video/mp4" length="0"/>
            """, Media);
        var enclosure = Assert.Single(entry.Enclosures);
        Assert.Equal("https://cdn.example/v.mp4", enclosure.Url);
        Assert.Equal(2048, enclosure.Length);
        Assert.Equal(TimeSpan.FromSeconds(125), enclosure.Duration);
        Assert.Equal("https://cdn.example/v.jpg", entry.ImageUrl);
        Assert.Equal("Watch &lt;this&gt;", entry.Content);
    }

    [Fact]
    public void Media_content_image_is_the_entry_image_when_there_is_no_thumbnail()
    {
        var entry = Parse.RssItem("<title>a</title><media:content url=\"https://e.com/p.jpg\" medium=\"image\"/>", Media);
        Assert.Equal("https://e.com/p.jpg", entry.ImageUrl);
    }

    [Fact]
    public void Itunes_tags_are_read_at_feed_and_item_level()
    {
        var feed = Parse.Rss("""
            <title>Pod</title>
            <itunes:author>Pod People</itunes:author>
            <itunes:image href="https://e.com/cover.jpg"/>
            <itunes:category text="Technology"><itunes:category text="Podcasting"/></itunes:category>
            <itunes:summary>About the show</itunes:summary>
            <item>
              <title>Ep 1</title><guid>ep1</guid>
              <enclosure url="https://e.com/ep1.mp3" type="audio/mpeg" length="100"/>
              <itunes:duration>1:02:03</itunes:duration>
              <itunes:image href="https://e.com/ep1.jpg"/>
              <itunes:summary>Line one
            line two</itunes:summary>
            </item>
            """, ITunes);
        Assert.Equal([new Person("Pod People")], feed.Authors);
        Assert.Equal("https://e.com/cover.jpg", feed.Image);
        Assert.Equal(["Technology", "Podcasting"], feed.Categories);
        Assert.Equal("About the show", feed.Description);
        var entry = Parse.Single(feed);
        Assert.Equal(new TimeSpan(1, 2, 3), entry.Enclosures[0].Duration);
        Assert.Equal("https://e.com/ep1.jpg", entry.ImageUrl);
        Assert.Equal("<p>Line one<br>line two</p>", entry.Content);
    }

    [Fact]
    public void Comment_extensions_are_read()
    {
        var entry = Parse.RssItem("""
            <title>a</title><guid>1</guid>
            <slash:comments>42</slash:comments>
            <wfw:commentRss>https://e.com/1/feed</wfw:commentRss>
            """, "xmlns:slash=\"http://purl.org/rss/1.0/modules/slash/\" xmlns:wfw=\"http://wellformedweb.org/CommentAPI/\"");
        Assert.Equal(42, entry.CommentCount);
        Assert.Equal("https://e.com/1/feed", entry.CommentsFeedUrl);
    }

    [Fact]
    public void Atom_threading_gives_comment_feed_and_count()
    {
        var entry = Parse.AtomEntry("""
            <id>1</id>
            <link rel="replies" type="application/atom+xml" href="https://e.com/1/comments.xml" thr:count="7"/>
            """, "xmlns:thr=\"http://purl.org/syndication/thread/1.0\"");
        Assert.Equal("https://e.com/1/comments.xml", entry.CommentsFeedUrl);
        Assert.Equal(7, entry.CommentCount);
    }

    [Fact]
    public void Dcterms_dates_are_read()
    {
        var entry = Parse.RssItem("<title>a</title><dcterms:created>2024-01-02T10:00:00Z</dcterms:created><dcterms:modified>2024-01-05T10:00:00Z</dcterms:modified>",
            "xmlns:dcterms=\"http://purl.org/dc/terms/\"");
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 10, 0, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal(new DateTimeOffset(2024, 1, 5, 10, 0, 0, TimeSpan.Zero), entry.Updated);
    }

    [Fact]
    public void Namespace_uri_spelling_variants_are_recognised()
    {
        var entry = Parse.RssItem("<title>a</title><m:thumbnail url=\"https://e.com/t.jpg\"/><i:image href=\"https://e.com/x.jpg\"/>",
            "xmlns:m=\"https://search.yahoo.com/mrss\" xmlns:i=\"http://www.itunes.com/DTDs/Podcast-1.0.dtd\"");
        Assert.Equal("https://e.com/t.jpg", entry.ImageUrl);
    }

    [Fact]
    public void Xml_lang_gives_feed_and_entry_languages()
    {
        var feed = Parse.Unsanitized("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN"><title>中文</title>
              <entry><id>1</id></entry>
              <entry xml:lang="en"><id>2</id></entry>
            </feed>
            """);
        Assert.Equal("zh-CN", feed.Language);
        Assert.Null(feed.Entries[0].Language);
        Assert.Equal("en", feed.Entries[1].Language);
    }
}
