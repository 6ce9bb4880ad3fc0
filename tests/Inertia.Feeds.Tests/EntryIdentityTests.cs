namespace Inertia.Feeds.Tests;

public class EntryIdentityTests
{
    [Fact]
    public void Guid_is_the_id_trimmed()
    {
        Assert.Equal("abc-123", Parse.RssItem("<title>a</title><guid isPermaLink=\"false\">  abc-123 \n</guid><link>https://e.com/1</link>").Id);
    }

    [Fact]
    public void Link_is_the_id_when_there_is_no_guid()
    {
        Assert.Equal("https://e.com/1", Parse.RssItem("<title>a</title><link>https://e.com/1</link>").Id);
    }

    [Fact]
    public void Without_guid_or_link_the_id_is_a_stable_hash_of_title_and_content()
    {
        const string item = "<title>Same</title><description>Body</description>";
        var first = Parse.RssItem(item).Id;
        var again = Parse.RssItem(item).Id;
        var other = Parse.RssItem("<title>Same</title><description>Other body</description>").Id;
        Assert.StartsWith("sha256:", first, StringComparison.Ordinal);
        Assert.Equal(71, first.Length);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Hash_does_not_depend_on_sanitizing()
    {
        const string document = "<rss version=\"2.0\"><channel><title>T</title><item><title>x</title><description>&lt;p onclick=\"x()\"&gt;Body&lt;/p&gt;</description></item></channel></rss>";
        Assert.Equal(Parse.Single(Parse.Unsanitized(document)).Id, Parse.Single(Parse.Default(document)).Id);
    }

    [Fact]
    public void Identical_repeated_item_is_dropped()
    {
        var feed = Parse.Rss("<title>T</title><item><title>a</title><guid>1</guid></item><item><title>a</title><guid>1</guid></item>");
        Assert.Single(feed.Entries);
        Assert.True(feed.Warned("repeated"));
    }

    [Fact]
    public void Different_items_sharing_a_guid_both_survive_with_stable_ids()
    {
        const string channel = "<title>T</title><item><title>a</title><guid>same</guid><link>https://e.com/a</link></item><item><title>b</title><guid>same</guid><link>https://e.com/b</link></item>";
        var feed = Parse.Rss(channel);
        Assert.Equal(2, feed.Entries.Count);
        Assert.Equal("same", feed.Entries[0].Id);
        Assert.StartsWith("same#", feed.Entries[1].Id, StringComparison.Ordinal);
        Assert.Equal(feed.Entries[1].Id, Parse.Rss(channel).Entries[1].Id);
        Assert.True(feed.Warned("share one id"));
    }
}
