using System.Text;

namespace Inertia.Tests.Fetching;

/// <summary>Small, valid feeds in each dialect, served by the test servers.</summary>
internal static class FeedFixtures
{
    public const string RssContentType = "application/rss+xml; charset=utf-8";

    public static readonly byte[] Rss = Encoding.UTF8.GetBytes("""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0">
          <channel>
            <title>Loopback Notes</title>
            <link>https://example.com/</link>
            <description>Served from 127.0.0.1</description>
            <item><title>First post</title><link>https://example.com/1</link><guid>post-1</guid></item>
            <item><title>Second post</title><link>https://example.com/2</link><guid>post-2</guid></item>
          </channel>
        </rss>
        """);

    public static readonly byte[] Atom = Encoding.UTF8.GetBytes("""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Loopback Atom</title>
          <id>urn:test:atom</id>
          <updated>2026-01-01T00:00:00Z</updated>
          <entry><title>Atom entry</title><id>urn:test:atom:1</id><updated>2026-01-01T00:00:00Z</updated></entry>
        </feed>
        """);

    public static readonly byte[] Json = Encoding.UTF8.GetBytes("""
        {"version": "https://jsonfeed.org/version/1.1", "title": "Loopback JSON",
         "items": [{"id": "j1", "content_text": "JSON entry"}]}
        """);

    public static byte[] Html(string head, string body = "<p>Hello</p>") =>
        Encoding.UTF8.GetBytes($"<!DOCTYPE html><html><head><title>A page</title>{head}</head><body>{body}</body></html>");
}
