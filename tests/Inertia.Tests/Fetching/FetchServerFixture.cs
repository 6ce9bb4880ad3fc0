using System.IO.Compression;
using Inertia.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inertia.Tests.Fetching;

/// <summary>One Kestrel server with every route the client tests fetch, shared by a test class.</summary>
public sealed class FetchServerFixture : IAsyncLifetime
{
    public const string ETag = "\"v1-abc\"";
    public const string LastModified = "Tue, 14 Apr 2026 21:25:00 GMT";

    public TestWebServer Server { get; private set; } = null!;

    public Uri Url(string path) => Server.Url(path);

    public async Task InitializeAsync() => Server = await TestWebServer.StartAsync(Map);

    public async Task DisposeAsync() => await Server.DisposeAsync();

    private void Map(WebApplication app, TestWebServer server)
    {
        app.MapGet("/feed.xml", context => Write(context, FeedFixtures.Rss, FeedFixtures.RssContentType));
        app.MapGet("/etag", context =>
        {
            if (context.Request.Headers.IfNoneMatch == ETag)
            {
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            }
            context.Response.Headers.ETag = ETag;
            return Write(context, FeedFixtures.Rss, FeedFixtures.RssContentType);
        });
        app.MapGet("/last-modified", context =>
        {
            if (context.Request.Headers.IfModifiedSince == LastModified)
            {
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            }
            context.Response.Headers.LastModified = LastModified;
            return Write(context, FeedFixtures.Rss, FeedFixtures.RssContentType);
        });
        app.MapGet("/gzip", context => WriteEncoded(context, "gzip", s => new GZipStream(s, CompressionLevel.Fastest), FeedFixtures.Rss));
        app.MapGet("/deflate", context => WriteEncoded(context, "deflate", s => new ZLibStream(s, CompressionLevel.Fastest), FeedFixtures.Rss));
        app.MapGet("/brotli", context => WriteEncoded(context, "br", s => new BrotliStream(s, CompressionLevel.Fastest), FeedFixtures.Rss));
        app.MapGet("/gzip-bomb", context => WriteEncoded(context, "gzip", s => new GZipStream(s, CompressionLevel.Optimal), new byte[8 * 1024 * 1024]));
        app.MapGet("/redirect/{code:int}", (HttpContext context, int code) => Redirect(context, code, "/feed.xml"));
        app.MapGet("/chain/{left:int}", (HttpContext context, int left) =>
            left == 0 ? Write(context, FeedFixtures.Rss, FeedFixtures.RssContentType) : Redirect(context, 301, $"/chain/{left - 1}"));
        app.MapGet("/permanent-then-temporary", context => Redirect(context, 301, "/redirect/302"));
        app.MapGet("/permanent-then-permanent", context => Redirect(context, 308, "/redirect/301"));
        app.MapGet("/loop-a", context => Redirect(context, 302, "/loop-b"));
        app.MapGet("/loop-b", context => Redirect(context, 302, "/loop-a"));
        app.MapGet("/to-ftp", context => Redirect(context, 302, "ftp://127.0.0.1/feed.xml"));
        app.MapGet("/to-file", context => Redirect(context, 301, "file:///etc/passwd"));
        app.MapGet("/to-ip", context => Redirect(context, 302, $"http://127.0.0.1:{server.Port}/feed.xml"));
        app.MapGet("/to-127-0-0-2", context => Redirect(context, 302, $"http://127.0.0.2:{server.Port}/feed.xml"));
        app.MapGet("/status/{code:int}", (HttpContext context, int code) =>
        {
            context.Response.StatusCode = code;
            return context.Response.WriteAsync("error page that is never read");
        });
        app.MapGet("/retry-seconds", context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "120";
            return Task.CompletedTask;
        });
        app.MapGet("/retry-date", context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.Date = new DateTimeOffset(2026, 4, 14, 12, 0, 0, TimeSpan.Zero).ToString("R");
            context.Response.Headers.RetryAfter = new DateTimeOffset(2026, 4, 14, 13, 30, 0, TimeSpan.Zero).ToString("R");
            return Task.CompletedTask;
        });
        app.MapGet("/unavailable", context =>
        {
            context.Response.StatusCode = 503;
            context.Response.Headers.RetryAfter = "30";
            return Task.CompletedTask;
        });
        app.MapGet("/cached", context =>
        {
            context.Response.Headers.CacheControl = "public, max-age=900";
            return Write(context, FeedFixtures.Rss, FeedFixtures.RssContentType);
        });
        app.MapGet("/headers", context => context.Response.WriteAsync(string.Join("\n",
            $"User-Agent: {context.Request.Headers.UserAgent}",
            $"Accept: {context.Request.Headers.Accept}",
            $"Accept-Encoding: {context.Request.Headers.AcceptEncoding}")));
        app.MapGet("/endless", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            var chunk = new byte[16 * 1024];
            chunk.AsSpan().Fill((byte)' ');
            try
            {
                while (true)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // The client gave up, as it should.
            }
        });
        app.MapGet("/slow", async context =>
        {
            context.Response.ContentType = FeedFixtures.RssContentType;
            var parts = FeedFixtures.Rss.Chunk(FeedFixtures.Rss.Length / 4 + 1).ToArray();
            foreach (var part in parts)
            {
                await context.Response.Body.WriteAsync(part, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(150, context.RequestAborted);
            }
        });
    }

    private static Task Redirect(HttpContext context, int code, string location)
    {
        context.Response.StatusCode = code;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    private static Task Write(HttpContext context, byte[] body, string contentType)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    private static Task WriteEncoded(HttpContext context, string encoding, Func<Stream, Stream> compressor, byte[] body)
    {
        using var compressed = new MemoryStream();
        using (var compressing = compressor(compressed))
        {
            compressing.Write(body);
        }
        context.Response.Headers.ContentEncoding = encoding;
        return Write(context, compressed.ToArray(), FeedFixtures.RssContentType);
    }
}
