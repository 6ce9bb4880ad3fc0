using System.Globalization;
using System.Text;
using Inertia.Fetching;

namespace Inertia.Tests.Fetching;

/// <summary>Feed autodiscovery in HTML: which links count and how their addresses resolve.</summary>
public sealed class FeedLinkExtractorTests
{
    private static readonly Uri Page = new("https://example.com/blog/post.html");

    private static IReadOnlyList<FeedLink> Extract(string head) =>
        FeedLinkExtractor.Extract(Encoding.UTF8.GetBytes($"<html><head>{head}</head><body></body></html>"), "text/html", Page);

    [Fact]
    public void Relative_and_absolute_hrefs_are_resolved_against_the_page()
    {
        var links = Extract("""
            <link rel="alternate" type="application/rss+xml" href="feed.xml">
            <link rel="alternate" type="application/atom+xml" href="/atom.xml">
            <link rel="alternate" type="application/feed+json" href="//cdn.example.net/feed.json">
            <link rel="alternate" type="application/json" href="https://other.example/feed.json">
            """);

        Assert.Equal(
            ["https://example.com/blog/feed.xml", "https://example.com/atom.xml", "https://cdn.example.net/feed.json", "https://other.example/feed.json"],
            links.Select(l => l.Url.AbsoluteUri));
        Assert.Equal(["application/rss+xml", "application/atom+xml", "application/feed+json", "application/json"], links.Select(l => l.MediaType));
    }

    [Fact]
    public void Rel_is_a_token_list_and_type_may_carry_parameters_and_capitals()
    {
        var links = Extract("""<link rel="Alternate nofollow" type="Application/RSS+XML; charset=utf-8" title=" Posts " href="/rss">""");

        var link = Assert.Single(links);
        Assert.Equal("https://example.com/rss", link.Url.AbsoluteUri);
        Assert.Equal("Posts", link.Title);
        Assert.Equal("application/rss+xml", link.MediaType);
    }

    [Fact]
    public void Links_that_are_not_feeds_are_ignored()
    {
        var links = Extract("""
            <link rel="stylesheet" type="text/css" href="/style.css">
            <link rel="alternate" hreflang="fr" href="/fr/">
            <link rel="alternate" type="text/html" href="/print">
            <link rel="alternate" type="application/json+oembed" href="/oembed">
            <link rel="feed" type="application/rss+xml" href="/not-alternate">
            <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
            <link rel="alternate" type="application/rss+xml" href="ftp://example.com/feed.xml">
            """);

        Assert.Empty(links);
    }

    [Fact]
    public void A_base_href_changes_where_relative_links_point()
    {
        var links = Extract("""<base href="https://static.example.com/site/"><link rel="alternate" type="application/rss+xml" href="rss.xml">""");

        Assert.Equal("https://static.example.com/site/rss.xml", Assert.Single(links).Url.AbsoluteUri);
    }

    [Fact]
    public void Duplicate_links_are_kept_once_and_at_most_ten_are_kept()
    {
        var head = new StringBuilder("""<link rel="alternate" type="application/rss+xml" href="/feed-0">""");
        for (var i = 0; i < 30; i++)
        {
            head.Append(CultureInfo.InvariantCulture, $"""<link rel="alternate" type="application/rss+xml" href="/feed-{i}">""");
        }

        var links = Extract(head.ToString());

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"https://example.com/feed-{i}"), links.Select(l => l.Url.AbsoluteUri));
    }

    [Fact]
    public void A_page_without_a_head_or_with_broken_markup_still_yields_its_links()
    {
        var links = FeedLinkExtractor.Extract(
            Encoding.UTF8.GetBytes("""<p>unclosed <b>tags <link rel=alternate type=application/atom+xml href=/atom>"""), null, Page);

        Assert.Equal("https://example.com/atom", Assert.Single(links).Url.AbsoluteUri);
    }

    [Fact]
    public void The_HTTP_charset_outranks_the_pages_meta_charset()
    {
        var page = Encoding.Latin1.GetBytes("""<html><head><meta charset="utf-8"><link rel="alternate" type="application/rss+xml" title="Café news" href="/rss"></head></html>""");

        var links = FeedLinkExtractor.Extract(page, "text/html; charset=ISO-8859-1", Page);

        Assert.Equal("Café news", Assert.Single(links).Title);
    }

    [Fact]
    public void Without_an_HTTP_charset_the_pages_meta_charset_is_used()
    {
        var page = Encoding.Latin1.GetBytes("""<html><head><meta charset="iso-8859-1"><link rel="alternate" type="application/rss+xml" title="Café news" href="/rss"></head></html>""");

        var links = FeedLinkExtractor.Extract(page, "text/html", Page);

        Assert.Equal("Café news", Assert.Single(links).Title);
    }
}
