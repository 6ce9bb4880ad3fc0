namespace Inertia.Feeds.Tests.Formats;

public class RssTests
{
    private const string Dc = "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";
    private const string ContentNs = "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"";
    private const string AtomNs = "xmlns:atom=\"http://www.w3.org/2005/Atom\"";

    [Theory]
    [InlineData("2.0", FeedFormat.Rss20)]
    [InlineData("0.91", FeedFormat.Rss091)]
    [InlineData("0.92", FeedFormat.Rss092)]
    [InlineData("0.93", FeedFormat.Rss093)]
    [InlineData("0.94", FeedFormat.Rss094)]
    [InlineData("2.01", FeedFormat.Rss20)]
    public void Version_attribute_names_the_format(string version, FeedFormat expected)
    {
        var feed = Parse.Unsanitized($"<rss version=\"{version}\"><channel><title>T</title></channel></rss>");
        Assert.Equal(expected, feed.Format);
        Assert.Empty(feed.Warnings);
    }

    [Fact]
    public void Rss_without_version_is_read_as_rss_2_with_a_warning()
    {
        var feed = Parse.Unsanitized("<rss><channel><title>T</title><item><title>a</title></item></channel></rss>");
        Assert.Equal(FeedFormat.Rss20, feed.Format);
        Assert.True(feed.Warned("no version"));
        Assert.Single(feed.Entries);
    }

    [Fact]
    public void Channel_fields_are_read()
    {
        var feed = Parse.Rss("""
            <title>Example &amp; Co</title>
            <link>https://example.com/</link>
            <description>All about &lt;b&gt;examples&lt;/b&gt;</description>
            <language>en-us</language>
            <copyright>© 2024 Example</copyright>
            <managingEditor>editor@example.com (Ed Itor)</managingEditor>
            <pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate>
            <lastBuildDate>Wed, 03 Jan 2024 11:30:00 GMT</lastBuildDate>
            <generator>Hugo 0.120</generator>
            <category>Tech</category><category>Go</category>
            <image><url>/logo.png</url><title>x</title><link>https://example.com/</link></image>
            <ttl>60</ttl>
            """);
        Assert.Equal("Example & Co", feed.Title);
        Assert.Equal("https://example.com/", feed.Link);
        Assert.Equal("All about examples", feed.Description);
        Assert.Equal("en-us", feed.Language);
        Assert.Equal("© 2024 Example", feed.Rights);
        Assert.Equal([new Person("Ed Itor", "editor@example.com")], feed.Authors);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 10, 0, 0, TimeSpan.Zero), feed.Published);
        Assert.Equal(new DateTimeOffset(2024, 1, 3, 11, 30, 0, TimeSpan.Zero), feed.Updated);
        Assert.Equal("Hugo 0.120", feed.Generator);
        Assert.Equal(["Tech", "Go"], feed.Categories);
        Assert.Equal("https://example.com/logo.png", feed.Image);
        Assert.Equal(TimeSpan.FromHours(1), feed.TimeToLive);
    }

    [Fact]
    public void Item_fields_are_read()
    {
        var entry = Parse.RssItem("""
            <title>Hello &amp; welcome</title>
            <link>https://example.com/hello</link>
            <description>&lt;p&gt;Short&lt;/p&gt;</description>
            <content:encoded><![CDATA[<p>Long <b>content</b></p>]]></content:encoded>
            <guid isPermaLink="false">post-1</guid>
            <pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate>
            <author>jo@example.com (Jo Lee)</author>
            <category>News</category><category domain="x">Tech</category><category>news</category>
            <enclosure url="https://example.com/a.mp3" type="audio/mpeg" length="12345"/>
            <comments>https://example.com/hello#comments</comments>
            """, ContentNs);
        Assert.Equal("post-1", entry.Id);
        Assert.Equal("Hello & welcome", entry.Title);
        Assert.Equal("https://example.com/hello", entry.Link);
        Assert.Equal("<p>Short</p>", entry.Summary);
        Assert.Equal("<p>Long <b>content</b></p>", entry.Content);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 10, 0, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal([new Person("Jo Lee", "jo@example.com")], entry.Authors);
        Assert.Equal(["News", "Tech"], entry.Categories);
        Assert.Equal([new Enclosure("https://example.com/a.mp3", "audio/mpeg", 12345)], entry.Enclosures);
        Assert.Equal("https://example.com/hello#comments", entry.CommentsUrl);
    }

    [Fact]
    public void Description_alone_is_the_content_and_there_is_no_separate_summary()
    {
        var entry = Parse.RssItem("<title>a</title><description>&lt;p&gt;Full text&lt;/p&gt;</description>");
        Assert.Equal("<p>Full text</p>", entry.Content);
        Assert.Null(entry.Summary);
    }

    [Fact]
    public void Several_dc_creators_are_all_authors_in_order()
    {
        var entry = Parse.RssItem("<title>a</title><dc:creator>Ann</dc:creator><dc:creator>Bob</dc:creator><dc:creator>Ann</dc:creator>", Dc);
        Assert.Equal([new Person("Ann"), new Person("Bob")], entry.Authors);
    }

    [Fact]
    public void Permalink_guid_is_the_link_when_there_is_no_link()
    {
        var entry = Parse.RssItem("<title>a</title><guid>https://example.com/p/1</guid>");
        Assert.Equal("https://example.com/p/1", entry.Id);
        Assert.Equal("https://example.com/p/1", entry.Link);
    }

    [Fact]
    public void Guid_marked_not_a_permalink_is_never_the_link()
    {
        var entry = Parse.RssItem("<title>a</title><guid isPermaLink=\"false\">https://example.com/p/1</guid>");
        Assert.Null(entry.Link);
    }

    [Fact]
    public void Atom_links_in_a_channel_give_self_hub_and_fallback_site_link()
    {
        var feed = Parse.Rss("""
            <title>T</title>
            <atom:link rel="self" href="https://example.com/feed.xml" type="application/rss+xml"/>
            <atom:link rel="hub" href="https://pubsubhubbub.appspot.com/"/>
            <atom:link rel="alternate" href="https://example.com/"/>
            """, AtomNs);
        Assert.Equal("https://example.com/feed.xml", feed.FeedUrl);
        Assert.Equal(["https://pubsubhubbub.appspot.com/"], feed.HubUrls);
        Assert.Equal("https://example.com/", feed.Link);
    }

    [Fact]
    public void Items_outside_the_channel_are_read()
    {
        var feed = Parse.Unsanitized("<rss version=\"0.91\"><channel><title>T</title></channel><item><title>a</title><link>https://e.com/a</link></item></rss>");
        Assert.Equal("a", Parse.Single(feed).Title);
    }

    [Fact]
    public void Items_swallowed_by_an_unclosed_channel_element_are_read_with_a_warning()
    {
        var feed = Parse.Rss("""
            <title>T</title>
            <itunes:category text="Technology">
            <item><title>one</title><guid>1</guid></item>
            <item><title>two</title><guid>2</guid></item>
            """, "xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"");
        Assert.Equal(["one", "two"], feed.Entries.Select(e => e.Title));
        Assert.True(feed.Warned("left unclosed"));
    }

    [Fact]
    public void Html_in_titles_is_reduced_to_text()
    {
        var entry = Parse.RssItem("<title>&lt;b&gt;Bold&lt;/b&gt; move &amp;amp; more</title>");
        Assert.Equal("Bold move & more", entry.Title);
    }

    [Fact]
    public void Raw_unescaped_html_in_a_description_is_kept_as_html()
    {
        var entry = Parse.RssItem("<title>a</title><description><p>Hello <a href=\"/x\">world</a></p></description>");
        Assert.Equal("<p>Hello <a href=\"/x\">world</a></p>", entry.Content);
    }

    [Fact]
    public void Feedburner_original_link_replaces_the_redirector_link()
    {
        var entry = Parse.RssItem(
            "<title>a</title><link>http://feedproxy.google.com/~r/x/~3/abc/</link><feedburner:origLink>https://example.com/real</feedburner:origLink>",
            "xmlns:feedburner=\"http://rssnamespace.org/feedburner/ext/1.0\"");
        Assert.Equal("https://example.com/real", entry.Link);
    }

    [Fact]
    public void Syndication_module_and_ttl_give_refresh_hints()
    {
        var feed = Parse.Rss("<title>T</title><ttl>30</ttl><sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>",
            "xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"");
        Assert.Equal(TimeSpan.FromMinutes(30), feed.TimeToLive);
        Assert.Equal(TimeSpan.FromMinutes(30), feed.UpdateInterval);
    }

    [Fact]
    public void UserLand_rss2_namespace_is_read_as_plain_rss()
    {
        var feed = Parse.Unsanitized("<rss version=\"2.0\" xmlns=\"http://backend.userland.com/rss2\"><channel><title>T</title><item><title>a</title><guid>1</guid></item></channel></rss>");
        Assert.Equal("T", feed.Title);
        Assert.Equal("a", Parse.Single(feed).Title);
    }
}
