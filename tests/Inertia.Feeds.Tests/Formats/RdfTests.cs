namespace Inertia.Feeds.Tests.Formats;

public class RdfTests
{
    [Fact]
    public void Rss_1_0_reads_channel_image_and_items_beside_the_channel()
    {
        var feed = Parse.Unsanitized("""
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel rdf:about="https://example.com/rss">
                <title>RDF Site</title>
                <link>https://example.com/</link>
                <description>About things</description>
                <dc:language>ja</dc:language>
                <image rdf:resource="https://example.com/logo.gif"/>
                <items><rdf:Seq><rdf:li resource="https://example.com/1"/></rdf:Seq></items>
              </channel>
              <image rdf:about="https://example.com/logo.gif"><title>x</title><url>https://example.com/logo.gif</url></image>
              <item rdf:about="https://example.com/1">
                <title>First</title>
                <link>https://example.com/1</link>
                <description>Desc</description>
                <content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded>
                <dc:creator>Kenji</dc:creator>
                <dc:date>2024-01-02T10:00:00+09:00</dc:date>
                <dc:subject>News</dc:subject>
              </item>
            </rdf:RDF>
            """);
        Assert.Equal(FeedFormat.Rss10, feed.Format);
        Assert.Equal("RDF Site", feed.Title);
        Assert.Equal("https://example.com/", feed.Link);
        Assert.Equal("ja", feed.Language);
        Assert.Equal("https://example.com/logo.gif", feed.Image);
        var entry = Parse.Single(feed);
        Assert.Equal("https://example.com/1", entry.Id);
        Assert.Equal("First", entry.Title);
        Assert.Equal("<p>Body</p>", entry.Content);
        Assert.Equal("Desc", entry.Summary);
        Assert.Equal([new Person("Kenji")], entry.Authors);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 1, 0, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal(["News"], entry.Categories);
        Assert.Empty(feed.Warnings);
    }

    [Fact]
    public void Rss_0_90_is_told_apart_by_its_namespace()
    {
        var feed = Parse.Unsanitized("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
              <channel><title>Old</title><link>http://example.com/</link></channel>
              <item><title>One</title><link>http://example.com/1</link></item>
            </rdf:RDF>
            """);
        Assert.Equal(FeedFormat.Rss090, feed.Format);
        Assert.Equal("http://example.com/1", Parse.Single(feed).Id);
    }
}
