using System.Globalization;
using System.Security;
using System.Text;
using Inertia.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Inertia.Tests.Web;

/// <summary>
/// A small web site on 127.0.0.1 with a home page that announces its RSS feed and a favicon. Tests change
/// its items between refreshes, as a blog gains posts.
/// </summary>
internal sealed class FeedSite : IAsyncDisposable
{
    /// <summary>The smallest valid PNG: one transparent pixel.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private readonly TestWebServer _server;

    private FeedSite(TestWebServer server, string title)
    {
        _server = server;
        Title = title;
    }

    public string Title { get; set; }

    /// <summary>The feed's items, newest first: (guid, title, published, HTML content, categories).</summary>
    public List<SiteItem> Items { get; } = [];

    public Uri HomeUrl => _server.BaseUrl;

    public Uri FeedUrl => _server.Url("/feed.xml");

    public static async Task<FeedSite> StartAsync(string title = "Loopback Blog", int items = 3)
    {
        FeedSite? site = null;
        var server = await TestWebServer.StartAsync((app, _) =>
        {
            app.MapGet("/", () => Results.Content(
                $"""<!DOCTYPE html><html><head><title>{SecurityElement.Escape(site!.Title)}</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"><link rel="icon" href="/favicon.png"></head><body><p>Home</p></body></html>""",
                "text/html; charset=utf-8"));
            app.MapGet("/favicon.png", () => Results.Bytes(Png, "image/png"));
            app.MapGet("/feed.xml", () => Results.Bytes(site!.Render(), "application/rss+xml; charset=utf-8"));
        });
        site = new FeedSite(server, title);
        var now = DateTimeOffset.UtcNow;
        for (var i = items; i >= 1; i--)
        {
            site.Items.Add(new SiteItem($"post-{i}", $"Post {i}", now.AddHours(-items + i - 1), $"<p>Body of post {i}.</p>", ["News"]));
        }
        return site;
    }

    /// <summary>Adds an item at the top, as a new post.</summary>
    public SiteItem Publish(string title, DateTimeOffset? published = null, string? content = null)
    {
        var item = new SiteItem("post-" + Guid.NewGuid().ToString("N"), title, published ?? DateTimeOffset.UtcNow, content ?? $"<p>{SecurityElement.Escape(title)}</p>", []);
        Items.Insert(0, item);
        return item;
    }

    private byte[] Render()
    {
        var xml = new StringBuilder();
        xml.Append(CultureInfo.InvariantCulture, $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>{SecurityElement.Escape(Title)}</title><link>{HomeUrl}</link><description>A test blog</description>""");
        foreach (var item in Items)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<item><guid isPermaLink=\"false\">{item.Guid}</guid><title>{SecurityElement.Escape(item.Title)}</title><link>{HomeUrl}{item.Guid}</link>");
            xml.Append(CultureInfo.InvariantCulture, $"<pubDate>{item.Published.ToString("r", CultureInfo.InvariantCulture)}</pubDate><dc:creator>Ann Author</dc:creator>");
            foreach (var category in item.Categories)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<category>{SecurityElement.Escape(category)}</category>");
            }
            xml.Append(CultureInfo.InvariantCulture, $"<description><![CDATA[{item.Content}]]></description></item>");
        }
        xml.Append("</channel></rss>");
        return Encoding.UTF8.GetBytes(xml.ToString());
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>An item of a <see cref="FeedSite"/>.</summary>
internal sealed record SiteItem(string Guid, string Title, DateTimeOffset Published, string Content, IReadOnlyList<string> Categories);
