namespace Inertia.Feeds.Tests.Formats;

public class JsonFeedTests
{
    [Fact]
    public void Json_feed_1_1_is_read()
    {
        var feed = Parse.Unsanitized("""
            {
              "version": "https://jsonfeed.org/version/1.1",
              "title": "My JSON",
              "home_page_url": "https://example.org/",
              "feed_url": "https://example.org/feed.json",
              "description": "Desc",
              "icon": "/icon.png",
              "favicon": "/fav.ico",
              "language": "en",
              "authors": [{"name": "Ann", "url": "https://ann.example/"}],
              "hubs": [{"type": "WebSub", "url": "https://hub.example/"}],
              "items": [
                {
                  "id": "2",
                  "url": "/posts/2",
                  "title": "Second",
                  "content_html": "<p>Two</p>",
                  "summary": "Short & sweet",
                  "image": "/two.png",
                  "date_published": "2024-01-02T10:00:00Z",
                  "date_modified": "2024-01-03T10:00:00+02:00",
                  "tags": ["a", "b"],
                  "attachments": [{"url": "/ep2.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 1000, "duration_in_seconds": 60}]
                },
                {"id": 1, "content_text": "Line one\nline two", "external_url": "https://elsewhere.example/x"}
              ]
            }
            """);
        Assert.Equal(FeedFormat.Json11, feed.Format);
        Assert.Equal("My JSON", feed.Title);
        Assert.Equal("https://example.org/", feed.Link);
        Assert.Equal("https://example.org/feed.json", feed.FeedUrl);
        Assert.Equal("https://example.org/icon.png", feed.Image);
        Assert.Equal("https://example.org/fav.ico", feed.Icon);
        Assert.Equal(["https://hub.example/"], feed.HubUrls);
        Assert.Equal([new Person("Ann", null, "https://ann.example/")], feed.Authors);

        var second = feed.Entries[0];
        Assert.Equal("2", second.Id);
        Assert.Equal("https://example.org/posts/2", second.Link);
        Assert.Equal("<p>Two</p>", second.Content);
        Assert.Equal("Short &amp; sweet", second.Summary);
        Assert.Equal("https://example.org/two.png", second.ImageUrl);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 10, 0, 0, TimeSpan.Zero), second.Published);
        Assert.Equal(new DateTimeOffset(2024, 1, 3, 8, 0, 0, TimeSpan.Zero), second.Updated);
        Assert.Equal(["a", "b"], second.Categories);
        var attachment = Assert.Single(second.Enclosures);
        Assert.Equal(new Enclosure("https://example.org/ep2.mp3", "audio/mpeg", 1000) { Duration = TimeSpan.FromMinutes(1) }, attachment);
        Assert.Equal([new Person("Ann", null, "https://ann.example/")], second.Authors);

        var first = feed.Entries[1];
        Assert.Equal("1", first.Id);
        Assert.Equal("<p>Line one<br>line two</p>", first.Content);
        Assert.Equal("https://elsewhere.example/x", first.Link);
    }

    [Fact]
    public void Json_feed_1_0_single_author_and_unix_dates_are_read()
    {
        var feed = Parse.Unsanitized("""
            {"version": "https://jsonfeed.org/version/1", "title": "T", "author": {"name": "Solo"},
             "items": [{"id": "x", "date_published": 1704189600}]}
            """);
        Assert.Equal(FeedFormat.Json10, feed.Format);
        var entry = Parse.Single(feed);
        Assert.Equal([new Person("Solo")], entry.Authors);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 10, 0, 0, TimeSpan.Zero), entry.Published);
    }

    [Fact]
    public void Truncated_json_feed_keeps_the_complete_items()
    {
        var feed = Parse.Unsanitized("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [
              {"id": "1", "title": "One", "content_html": "<p>1</p>"},
              {"id": "2", "title": "Two", "content_html": "<p>2</p>"},
              {"id": "3", "title": "Thr
            """);
        Assert.Equal(["One", "Two", null], feed.Entries.Select(e => e.Title));
        Assert.True(feed.Warned("cut short"));
        Assert.NotNull(feed.Warnings.First(w => w.Message.Contains("cut short", StringComparison.Ordinal)).Line);
    }

    [Fact]
    public void Rss_in_json_is_read_as_rss()
    {
        var feed = Parse.Unsanitized("""
            {"rss": {"version": "2.0", "channel": {"title": "Scripting", "link": "http://scripting.com/",
              "item": [{"link": "http://scripting.com/1", "description": "Hello", "pubDate": "Mon, 26 Jun 2017 12:20:05 GMT", "guid": "http://scripting.com/1"}]}}}
            """);
        Assert.Equal(FeedFormat.Rss20, feed.Format);
        Assert.Equal("Scripting", feed.Title);
        var entry = Parse.Single(feed);
        Assert.Equal("http://scripting.com/1", entry.Id);
        Assert.Equal("Hello", entry.Content);
        Assert.Equal(new DateTimeOffset(2017, 6, 26, 12, 20, 5, TimeSpan.Zero), entry.Published);
    }

    [Fact]
    public void Json_that_is_not_a_feed_fails_clearly()
    {
        var error = Assert.Throws<FeedParseException>(() => Parse.Unsanitized("{\"name\": \"package\", \"version\": \"1.0.0\"}"));
        Assert.Equal(FeedParseError.NotAFeed, error.Error);
        Assert.Contains("not a feed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_fails_with_its_position()
    {
        var error = Assert.Throws<FeedParseException>(() => Parse.Unsanitized("{\n  \"version\": oops }"));
        Assert.Equal(FeedParseError.Malformed, error.Error);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Control_characters_escaped_in_json_strings_are_removed_with_a_warning()
    {
        var feed = Parse.Unsanitized("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "T\u0000itle",
             "items": [{"id": "a\u0000b\u001f", "title": "x\u0001y\uFFFF", "tags": ["t\u0008ag"], "content_text": "tab\tstays"}]}
            """);
        Assert.Equal("Title", feed.Title);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("ab", entry.Id);
        Assert.Equal("xy", entry.Title);
        Assert.Equal(["tag"], entry.Categories);
        Assert.Contains("tab\tstays", entry.Content, StringComparison.Ordinal);
        Assert.True(feed.Warned("control characters"));
    }

    [Fact]
    public void A_lone_surrogate_escape_in_json_does_not_fail_the_feed()
    {
        var feed = Parse.Unsanitized("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "T",
             "items": [{"id": "1", "title": "half \uD800 pair"}, {"id": "2", "title": "fine"}]}
            """);
        Assert.Equal(["1", "2"], feed.Entries.Select(e => e.Id));
        Assert.Equal("fine", feed.Entries[1].Title);
        Assert.DoesNotContain('\uD800', feed.Entries[0].Title ?? "");
    }
}
