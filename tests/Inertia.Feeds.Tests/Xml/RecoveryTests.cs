namespace Inertia.Feeds.Tests.Xml;

/// <summary>Broken documents as real feeds write them: each is read, and each repair is a warning with a place.</summary>
public class RecoveryTests
{
    [Fact]
    public void Well_formed_feed_has_no_warnings()
    {
        var feed = Parse.Rss("<title>T</title><item><title>a &amp; b</title><guid>1</guid></item>");
        Assert.Empty(feed.Warnings);
    }

    [Fact]
    public void Unescaped_ampersand_is_literal()
    {
        var feed = Parse.Rss("<title>Tom & Jerry</title><item><title>AT&T news</title><guid>1</guid></item>");
        Assert.Equal("Tom & Jerry", feed.Title);
        Assert.Equal("AT&T news", feed.Entries[0].Title);
        var warning = Assert.Single(feed.Warnings);
        Assert.Contains("'&'", warning.Message, StringComparison.Ordinal);
        Assert.Equal(2, warning.Count);
        Assert.Equal(1, warning.Line);
    }

    [Fact]
    public void Unescaped_less_than_in_text_is_literal()
    {
        var feed = Parse.Rss("<title>a < b and x<3</title>");
        Assert.Equal("a < b and x<3", feed.Title);
        Assert.True(feed.Warned("stray '<'"));
    }

    [Fact]
    public void Html_entities_are_decoded_with_a_warning()
    {
        var feed = Parse.Rss("<title>caf&eacute;&nbsp;au&mdash;lait &hellip;</title>");
        Assert.Equal("café au—lait …", feed.Title);
        Assert.True(feed.Warned("&eacute;"));
        Assert.True(feed.Warned("&mdash;"));
    }

    [Fact]
    public void Unknown_entity_is_kept_as_text()
    {
        var feed = Parse.Rss("<title>x &ellip; y</title>");
        Assert.Equal("x &ellip; y", feed.Title);
        Assert.True(feed.Warned("unknown entity &ellip;"));
    }

    [Fact]
    public void Numeric_references_follow_html_rules()
    {
        var feed = Parse.Rss("<title>&#8220;q&#x201D; &#150; &#0; &#x1F600;</title>");
        Assert.Equal("“q” – 😀", feed.Title);
        Assert.True(feed.Warned("windows-1252"));
        Assert.True(feed.Warned("U+0000"));
    }

    [Fact]
    public void Out_of_range_numeric_references_are_consumed_whole_and_removed()
    {
        var feed = Parse.Rss("<title>a &#99999999999; b &#x110000; c &#000000065; d &#xFFFFFFFFFFFF</title>");
        Assert.Equal("a b c A d", feed.Title);
        var warning = Assert.Single(feed.Warnings, w => w.Message.Contains("beyond the last Unicode character", StringComparison.Ordinal));
        Assert.Equal(3, warning.Count);
        Assert.True(feed.Warned("without its closing ';'"));
    }

    [Fact]
    public void Repairs_inside_raw_child_markup_warn_as_in_text()
    {
        var feed = Parse.Rss("<title>AT&T &nbsp; <b>b</b> \u0001</title>"
            + "<item><guid>1</guid><description><p>AT&T &eacute; \u0002</p></description></item>");
        Assert.Equal("AT&T b", feed.Title);
        Assert.Equal("<p>AT&amp;T é </p>", Parse.Single(feed).Content);
        Assert.Equal(2, Assert.Single(feed.Warnings, w => w.Message.Contains("'&'", StringComparison.Ordinal)).Count);
        Assert.True(feed.Warned("&nbsp;"));
        Assert.True(feed.Warned("&eacute;"));
        Assert.True(feed.Warned("U+0001"));
        Assert.True(feed.Warned("U+0002"));
    }

    [Fact]
    public void Raw_child_markup_keeps_its_escaped_text_as_text()
    {
        var feed = Parse.Rss("<title>T</title><item><guid>1</guid><description><p>&lt;script&gt; &amp;amp; 1 &gt; 0 &#38; &#60;b&#62;</p></description></item>");
        Assert.Equal("<p>&lt;script&gt; &amp;amp; 1 &gt; 0 &amp; &lt;b&gt;</p>", Parse.Single(feed).Content);
        Assert.Empty(feed.Warnings);
    }

    [Fact]
    public void Control_characters_in_cdata_are_removed_with_a_warning()
    {
        var feed = Parse.Rss("<title>T</title><item><guid>1</guid><title><![CDATA[one\u0003]]></title>"
            + "<description><p>x</p><![CDATA[two\u0004]]></description></item>");
        var entry = Parse.Single(feed);
        Assert.Equal("one", entry.Title);
        Assert.Equal("<p>x</p>two", entry.Content);
        Assert.True(feed.Warned("U+0003"));
        Assert.True(feed.Warned("U+0004"));
    }

    [Fact]
    public void Whitespace_and_junk_before_the_declaration_are_skipped()
    {
        var spaced = Parse.Unsanitized("\n\n  <?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title></channel></rss>");
        Assert.Equal("T", spaced.Title);
        Assert.True(spaced.Warned("whitespace before the XML declaration"));

        var junk = Parse.Unsanitized("<br />\n<b>Warning</b>: headers already sent<br />\n<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title></channel></rss>");
        Assert.Equal("T", junk.Title);
        Assert.True(junk.Warned("more than one top-level element"));
    }

    [Fact]
    public void Undeclared_well_known_prefixes_get_their_usual_namespace()
    {
        var feed = Parse.Unsanitized("<rss version=\"2.0\"><channel><title>T</title><item><title>a</title><dc:creator>Ann</dc:creator><content:encoded>&lt;p&gt;x&lt;/p&gt;</content:encoded></item></channel></rss>");
        var entry = Parse.Single(feed);
        Assert.Equal([new Person("Ann")], entry.Authors);
        Assert.Equal("<p>x</p>", entry.Content);
        Assert.True(feed.Warned("prefix 'dc' is not declared"));
    }

    [Fact]
    public void Truncated_document_keeps_what_was_read()
    {
        var feed = Parse.Unsanitized("<rss version=\"2.0\"><channel><title>T</title><item><title>one</title><guid>1</guid></item><item><title>two</title><guid>2</guid><description>cut he");
        Assert.Equal(["one", "two"], feed.Entries.Select(e => e.Title));
        Assert.Equal("cut he", feed.Entries[1].Content);
        Assert.True(feed.Warned("truncated"));
    }

    [Fact]
    public void Mismatched_end_tags_close_what_is_open_inside()
    {
        var feed = Parse.Rss("<title>T</title><item><title>one</item><item><title>two</title><guid>2</guid></item>");
        Assert.Equal(2, feed.Entries.Count);
        Assert.Equal("two", feed.Entries[1].Title);
        Assert.True(feed.Warned("<title> was not closed before </item>"));
    }

    [Fact]
    public void Stray_end_tag_is_ignored()
    {
        var feed = Parse.Rss("<title>T</title></div><item><title>a</title><guid>1</guid></item>");
        Assert.Single(feed.Entries);
        Assert.True(feed.Warned("</div> matches no open element"));
    }

    [Fact]
    public void End_tag_in_another_case_closes_its_element()
    {
        var feed = Parse.Rss("<title>T</Title><item><title>a</title><guid>1</guid></item>");
        Assert.Equal("T", feed.Title);
        Assert.Single(feed.Entries);
        Assert.True(feed.Warned("differs in case"));
    }

    [Fact]
    public void Control_characters_are_removed()
    {
        var feed = Parse.Rss("<title>bad\u0001\u0008chars\u000B</title>");
        Assert.Equal("badchars", feed.Title);
        Assert.True(feed.Warned("U+0001"));
    }

    [Fact]
    public void Duplicate_unquoted_and_valueless_attributes_are_repaired()
    {
        var entry = Parse.RssItem("<title>a</title><enclosure url=\"https://e.com/1.mp3\" url=\"https://e.com/2.mp3\" type=audio/mpeg length=5 async/>");
        Assert.Equal([new Enclosure("https://e.com/1.mp3", "audio/mpeg", 5)], entry.Enclosures);
    }

    [Fact]
    public void Unclosed_html_void_elements_inside_content_do_not_swallow_the_feed()
    {
        var feed = Parse.Rss("<title>T</title><item><title>a</title><guid>1</guid><description><p>one<br>two<img src=\"x.png\"></p></description></item><item><title>b</title><guid>2</guid></item>");
        Assert.Equal(2, feed.Entries.Count);
        Assert.Equal("<p>one<br>two<img src=\"x.png\"></p>", feed.Entries[0].Content);
    }

    [Fact]
    public void Unterminated_cdata_in_a_truncated_document_is_kept()
    {
        var feed = Parse.Unsanitized("<rss version=\"2.0\"><channel><title>T</title><item><guid>1</guid><description><![CDATA[<p>partial");
        Assert.Equal("<p>partial", Parse.Single(feed).Content);
        Assert.True(feed.Warned("CDATA"));
    }

    [Fact]
    public void Html_page_is_not_a_feed()
    {
        var error = Assert.Throws<FeedParseException>(() => Parse.Unsanitized("<!DOCTYPE html>\n<html><head><title>Home</title></head><body><p>Hi</p></body></html>"));
        Assert.Equal(FeedParseError.NotAFeed, error.Error);
        Assert.Contains("HTML page", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
        Assert.Equal(1, error.Column);
    }

    [Fact]
    public void Other_xml_is_not_a_feed()
    {
        var error = Assert.Throws<FeedParseException>(() => Parse.Unsanitized("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));
        Assert.Equal(FeedParseError.NotAFeed, error.Error);
        Assert.Contains("<svg>", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Empty_document_fails_as_empty(string document)
    {
        var error = Assert.Throws<FeedParseException>(() => Parse.Unsanitized(document));
        Assert.Equal(FeedParseError.Empty, error.Error);
    }

    [Fact]
    public void Plain_text_fails_as_malformed()
    {
        var error = Assert.Throws<FeedParseException>(() => Parse.Unsanitized("This is not a feed at all."));
        Assert.Equal(FeedParseError.Malformed, error.Error);
    }

    [Fact]
    public void Warnings_record_line_and_column()
    {
        var feed = Parse.Unsanitized("<rss version=\"2.0\">\n<channel>\n  <title>A & B</title>\n</channel></rss>");
        var warning = Assert.Single(feed.Warnings);
        Assert.Equal(3, warning.Line);
        Assert.Equal(12, warning.Column);
        Assert.StartsWith("line 3, column 12: ", warning.ToString(), StringComparison.Ordinal);
    }
}
