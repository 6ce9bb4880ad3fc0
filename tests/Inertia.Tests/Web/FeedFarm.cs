using System.Globalization;
using System.Security;
using System.Text;
using Inertia.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Inertia.Tests.Web;

/// <summary>
/// Many small feeds on one server on 127.0.0.1, as an OPML file of hundreds of blogs needs: <c>/feeds/N.xml</c>
/// is an RSS feed of two posts; <c>/missing/N.xml</c> answers 404 and <c>/page/N.xml</c> a web page that is not a
/// feed, the failures an old subscription list holds.
/// </summary>
internal sealed class FeedFarm : IAsyncDisposable
{
    private readonly TestWebServer _server;
    private int _active;
    private int _mostAtOnce;

    private FeedFarm(TestWebServer server) => _server = server;

    public int RequestCount => _server.RequestCount;

    /// <summary>The most feed requests that were ever being answered at the same time.</summary>
    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

    /// <summary>How many feeds were served.</summary>
    public int FeedsServed => Volatile.Read(ref _served);

    private int _served;

    /// <summary>How long every feed takes to answer.</summary>
    public TimeSpan Delay { get; set; }

    public Uri Feed(int n) => _server.Url(string.Create(CultureInfo.InvariantCulture, $"/feeds/{n}.xml"));

    public Uri Missing(int n) => _server.Url(string.Create(CultureInfo.InvariantCulture, $"/missing/{n}.xml"));

    public Uri NotAFeed(int n) => _server.Url(string.Create(CultureInfo.InvariantCulture, $"/page/{n}.xml"));

    public static async Task<FeedFarm> StartAsync()
    {
        FeedFarm? farm = null;
        var server = await TestWebServer.StartAsync((app, _) =>
        {
            app.MapGet("/feeds/{n:int}.xml", async (int n) =>
            {
                var active = Interlocked.Increment(ref farm!._active);
                var most = Volatile.Read(ref farm._mostAtOnce);
                while (active > most && Interlocked.CompareExchange(ref farm._mostAtOnce, active, most) != most)
                {
                    most = Volatile.Read(ref farm._mostAtOnce);
                }
                try
                {
                    await Task.Delay(farm.Delay);
                    Interlocked.Increment(ref farm._served);
                    return Results.Bytes(Rss(n), "application/rss+xml; charset=utf-8");
                }
                finally
                {
                    Interlocked.Decrement(ref farm._active);
                }
            });
            app.MapGet("/page/{n:int}.xml", () => Results.Content("<!DOCTYPE html><html><head><title>A page</title></head><body><p>Nothing to read here.</p></body></html>", "text/html; charset=utf-8"));
        });
        farm = new FeedFarm(server);
        return farm;
    }

    private static byte[] Rss(int n)
    {
        var published = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero).AddHours(n);
        var xml = new StringBuilder();
        xml.Append(CultureInfo.InvariantCulture, $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Farm blog {n}</title><link>http://farm.example/{n}/</link><description>Blog number {n}</description>""");
        for (var i = 1; i <= 2; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<item><guid>farm-{n}-{i}</guid><title>{SecurityElement.Escape($"Post {i} of blog {n}")}</title><link>http://farm.example/{n}/{i}</link>");
            xml.Append(CultureInfo.InvariantCulture, $"<pubDate>{published.AddMinutes(i).ToString("r", CultureInfo.InvariantCulture)}</pubDate><description>&lt;p&gt;Post {i}.&lt;/p&gt;</description></item>");
        }
        xml.Append("</channel></rss>");
        return Encoding.UTF8.GetBytes(xml.ToString());
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
