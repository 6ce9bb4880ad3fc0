namespace Inertia.Feeds.Tests.Formats;

public class AtomTests
{
    [Fact]
    public void Feed_and_entry_fields_are_read()
    {
        var feed = Parse.Atom("""
            <title type="text">Example   Blog</title>
            <subtitle type="html">Notes &amp;lt;3</subtitle>
            <link rel="alternate" type="text/html" href="https://example.com/"/>
            <link rel="self" href="https://example.com/atom.xml"/>
            <link rel="hub" href="https://hub.example.com/"/>
            <id>urn:uuid:1</id>
            <updated>2024-01-03T10:00:00Z</updated>
            <author><name>Ann</name><email>ann@example.com</email><uri>https://ann.example.com/</uri></author>
            <category term="tech" label="Technology"/>
            <generator uri="https://gohugo.io/" version="0.1">Hugo</generator>
            <icon>/favicon.ico</icon>
            <logo>/logo.png</logo>
            <rights>CC BY 4.0</rights>
            <entry>
              <id>tag:example.com,2024:1</id>
              <title type="html">A &lt;em&gt;great&lt;/em&gt; post</title>
              <link rel="alternate" type="text/html" href="/posts/1"/>
              <link rel="enclosure" type="audio/mpeg" length="99" href="/a.mp3"/>
              <link rel="replies" type="text/html" href="/posts/1#c"/>
              <published>2024-01-02T10:00:00+01:00</published>
              <updated>2024-01-02T12:00:00Z</updated>
              <category term="go"/>
              <summary>Plain &amp; simple</summary>
              <content type="html">&lt;p&gt;Hi&lt;/p&gt;</content>
            </entry>
            """);
        Assert.Equal(FeedFormat.Atom10, feed.Format);
        Assert.Equal("Example Blog", feed.Title);
        Assert.Equal("Notes <3", feed.Description);
        Assert.Equal("https://example.com/", feed.Link);
        Assert.Equal("https://example.com/atom.xml", feed.FeedUrl);
        Assert.Equal(["https://hub.example.com/"], feed.HubUrls);
        Assert.Equal(new DateTimeOffset(2024, 1, 3, 10, 0, 0, TimeSpan.Zero), feed.Updated);
        Assert.Equal([new Person("Ann", "ann@example.com", "https://ann.example.com/")], feed.Authors);
        Assert.Equal(["Technology"], feed.Categories);
        Assert.Equal("Hugo", feed.Generator);
        Assert.Equal("https://example.com/favicon.ico", feed.Icon);
        Assert.Equal("https://example.com/logo.png", feed.Image);
        Assert.Equal("CC BY 4.0", feed.Rights);

        var entry = Parse.Single(feed);
        Assert.Equal("tag:example.com,2024:1", entry.Id);
        Assert.Equal("A great post", entry.Title);
        Assert.Equal("https://example.com/posts/1", entry.Link);
        Assert.Equal([new Enclosure("https://example.com/a.mp3", "audio/mpeg", 99)], entry.Enclosures);
        Assert.Equal("https://example.com/posts/1#c", entry.CommentsUrl);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 9, 0, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 12, 0, 0, TimeSpan.Zero), entry.Updated);
        Assert.Equal(["go"], entry.Categories);
        Assert.Equal("Plain &amp; simple", entry.Summary);
        Assert.Equal("<p>Hi</p>", entry.Content);
        Assert.Equal([new Person("Ann", "ann@example.com", "https://ann.example.com/")], entry.Authors);
        Assert.Empty(feed.Warnings);
    }

    [Fact]
    public void Xhtml_content_loses_its_wrapper_div_and_prefixes()
    {
        var entry = Parse.AtomEntry("""
            <id>1</id>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>there</b> &amp; welcome</p></div></content>
            """);
        Assert.Equal("<p>Hello <b>there</b> &amp; welcome</p>", entry.Content);

        var prefixed = Parse.AtomEntry("""
            <id>1</id>
            <content type="xhtml"><xhtml:div xmlns:xhtml="http://www.w3.org/1999/xhtml"><xhtml:p>Hi</xhtml:p></xhtml:div></content>
            """);
        Assert.Equal("<p>Hi</p>", prefixed.Content);
    }

    [Fact]
    public void Text_content_is_escaped_into_paragraphs()
    {
        var entry = Parse.AtomEntry("<id>1</id><content type=\"text\">a &lt; b\nline two\n\nsecond para</content>");
        Assert.Equal("<p>a &lt; b<br>line two</p><p>second para</p>", entry.Content);
    }

    [Fact]
    public void Entry_without_author_inherits_the_feeds()
    {
        var feed = Parse.Atom("<title>t</title><author><name>Feed Author</name></author><entry><id>1</id></entry><entry><id>2</id><author><name>Own</name></author></entry>");
        Assert.Equal([new Person("Feed Author")], feed.Entries[0].Authors);
        Assert.Equal([new Person("Own")], feed.Entries[1].Authors);
    }

    [Fact]
    public void Html_alternate_link_is_preferred_over_other_types()
    {
        var entry = Parse.AtomEntry("""
            <id>1</id>
            <link rel="alternate" type="application/json" href="https://e.com/1.json"/>
            <link rel="alternate" type="text/html" href="https://e.com/1"/>
            """);
        Assert.Equal("https://e.com/1", entry.Link);
    }

    [Fact]
    public void Atom_0_3_names_and_modes_are_understood()
    {
        var feed = Parse.Unsanitized("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <title>Old Atom</title>
              <tagline>The tagline</tagline>
              <link rel="alternate" type="text/html" href="http://example.org/"/>
              <modified>2003-12-13T18:30:02Z</modified>
              <copyright>Copyright (c) 2003</copyright>
              <author><name>Mark</name><url>http://example.org/mark</url></author>
              <entry>
                <title>Atom draft</title>
                <link rel="alternate" type="text/html" href="http://example.org/2003/12/13/atom03"/>
                <id>tag:example.org,2003:3.2397</id>
                <issued>2003-12-13T08:29:29-04:00</issued>
                <modified>2003-12-13T18:30:02Z</modified>
                <content type="text/html" mode="escaped">&lt;p&gt;Escaped&lt;/p&gt;</content>
                <summary type="text/plain" mode="base64">UGxhaW4gYmFzZTY0</summary>
              </entry>
            </feed>
            """);
        Assert.Equal(FeedFormat.Atom03, feed.Format);
        Assert.Equal("The tagline", feed.Description);
        Assert.Equal("Copyright (c) 2003", feed.Rights);
        Assert.Equal(new DateTimeOffset(2003, 12, 13, 18, 30, 2, TimeSpan.Zero), feed.Updated);
        Assert.Equal([new Person("Mark", null, "http://example.org/mark")], feed.Authors);
        var entry = Parse.Single(feed);
        Assert.Equal(new DateTimeOffset(2003, 12, 13, 12, 29, 29, TimeSpan.Zero), entry.Published);
        Assert.Equal("<p>Escaped</p>", entry.Content);
        Assert.Equal("Plain base64", entry.Summary);
    }

    [Fact]
    public void Atom_feed_wrapped_in_an_xhtml_page_is_found()
    {
        var feed = Parse.Unsanitized("""
            <html xmlns="http://www.w3.org/1999/xhtml"><body>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Inside</title><entry><id>1</id><title>e</title></entry></feed>
            </body></html>
            """);
        Assert.Equal("Inside", feed.Title);
        Assert.Single(feed.Entries);
        Assert.True(feed.Warned("wrapped in an XHTML page"));
    }

    [Fact]
    public void Source_authors_come_before_feed_authors()
    {
        var feed = Parse.Atom("<title>t</title><author><name>Feed</name></author><entry><id>1</id><source><author><name>Origin</name></author></source></entry>");
        Assert.Equal([new Person("Origin")], Parse.Single(feed).Authors);
    }
}
