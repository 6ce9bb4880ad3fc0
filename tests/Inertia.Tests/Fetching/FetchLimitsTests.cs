using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Inertia.Fetching;

namespace Inertia.Tests.Fetching;

/// <summary>The client against servers that misbehave at the TCP level: stalls, lies, resets, no TLS.</summary>
public sealed class FetchLimitsTests
{
    private const string FeedHead = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n";

    private static HttpFetcher Fetcher(TimeSpan? total = null, long maxBody = 20 * 1024 * 1024) =>
        new(TestFetchers.Options("127.0.0.0/8") with { TotalTimeout = total ?? TimeSpan.FromSeconds(5), MaxBodyBytes = maxBody });

    [Fact]
    public async Task A_body_that_stalls_after_the_headers_times_out()
    {
        await using var server = RawHttpServer.Start(async (client, token) =>
        {
            var stream = client.GetStream();
            await RawHttpServer.ReadRequestHeadAsync(stream, token);
            await RawHttpServer.WriteAsync(stream, FeedHead + "Content-Length: 1000\r\n\r\n<rss version=\"2.0\">", token);
            await Task.Delay(Timeout.Infinite, token);
        });
        using var fetcher = Fetcher(total: TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url()));

        Assert.Equal(FetchFailure.Timeout, error.Failure);
        Assert.Equal($"Fetching {server.Url()} took longer than 1 second, so it was stopped.", error.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out()
    {
        await using var server = RawHttpServer.Start((client, token) => Task.Delay(Timeout.Infinite, token));
        using var fetcher = Fetcher(total: TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url()));

        Assert.Equal(FetchFailure.Timeout, error.Failure);
    }

    [Fact]
    public async Task A_slow_chunked_body_that_keeps_coming_within_the_total_timeout_is_read()
    {
        await using var server = RawHttpServer.Start(async (client, token) =>
        {
            var stream = client.GetStream();
            await RawHttpServer.ReadRequestHeadAsync(stream, token);
            await RawHttpServer.WriteAsync(stream, FeedHead + "Transfer-Encoding: chunked\r\n\r\n", token);
            foreach (var part in new[] { "<rss>", "<channel>", "</channel>", "</rss>" })
            {
                await RawHttpServer.WriteAsync(stream, $"{part.Length:x}\r\n{part}\r\n", token);
                await Task.Delay(150, token);
            }
            await RawHttpServer.WriteAsync(stream, "0\r\n\r\n", token);
        });
        using var fetcher = Fetcher(total: TimeSpan.FromSeconds(3));

        var result = await fetcher.FetchAsync(server.Url());

        Assert.Equal("<rss><channel></channel></rss>", Encoding.ASCII.GetString(result.Body.Span));
    }

    [Fact]
    public async Task A_Content_Length_over_the_cap_is_refused_before_reading_the_body()
    {
        await using var server = RawHttpServer.Start(async (client, token) =>
        {
            var stream = client.GetStream();
            await RawHttpServer.ReadRequestHeadAsync(stream, token);
            await RawHttpServer.WriteAsync(stream, FeedHead + "Content-Length: 100000000\r\n\r\n<rss>", token);
            await Task.Delay(Timeout.Infinite, token);
        });
        using var fetcher = Fetcher(maxBody: 1024 * 1024);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url()));

        Assert.Equal(FetchFailure.TooLarge, error.Failure);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}: it waited for a body it should not read (the total timeout is 30 s)");
    }

    [Fact]
    public async Task An_endless_body_without_Content_Length_is_cut_at_the_cap()
    {
        long sent = 0;
        await using var server = RawHttpServer.Start(async (client, token) =>
        {
            var stream = client.GetStream();
            await RawHttpServer.ReadRequestHeadAsync(stream, token);
            // HTTP/1.0 style: no length, the body runs until the connection closes, which this one never does.
            await RawHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n\r\n", token);
            var chunk = new byte[64 * 1024];
            while (true)
            {
                await stream.WriteAsync(chunk, token);
                Interlocked.Add(ref sent, chunk.Length);
            }
        });
        using var fetcher = Fetcher(maxBody: 100_000);

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url()));

        Assert.Equal(FetchFailure.TooLarge, error.Failure);
        Assert.Equal($"The answer for {server.Url()} is larger than the limit of 100,000 bytes, so it was not read to the end.", error.Message);
        Assert.True(Interlocked.Read(ref sent) < 64L * 1024 * 1024, $"the server wrote {sent:N0} bytes");
    }

    [Fact]
    public async Task A_Content_Length_shorter_than_the_body_bounds_what_is_read()
    {
        await using var server = RawHttpServer.Start(async (client, token) =>
        {
            var stream = client.GetStream();
            await RawHttpServer.ReadRequestHeadAsync(stream, token);
            await RawHttpServer.WriteAsync(stream, FeedHead + "Content-Length: 5\r\n\r\nhello, and much more than five bytes", token);
            await Task.Delay(Timeout.Infinite, token);
        });
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(server.Url());

        Assert.Equal("hello", Encoding.ASCII.GetString(result.Body.Span));
    }

    [Fact]
    public async Task A_Content_Length_longer_than_the_body_is_a_closed_connection()
    {
        await using var server = RawHttpServer.Start(async (client, token) =>
        {
            var stream = client.GetStream();
            await RawHttpServer.ReadRequestHeadAsync(stream, token);
            await RawHttpServer.WriteAsync(stream, FeedHead + "Content-Length: 1000\r\n\r\nonly this", token);
        });
        using var fetcher = Fetcher();

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url()));

        Assert.Equal(FetchFailure.ConnectionReset, error.Failure);
        Assert.Equal($"The connection to 127.0.0.1 was closed before the whole answer for {server.Url()} arrived.", error.Message);
    }

    [Fact]
    public async Task A_connection_reset_before_the_answer_is_reported()
    {
        await using var server = RawHttpServer.Start(async (client, token) =>
        {
            await RawHttpServer.ReadRequestHeadAsync(client.GetStream(), token);
            client.Client.LingerState = new LingerOption(true, 0);
            client.Client.Close();
        });
        using var fetcher = Fetcher();

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url()));

        Assert.Equal(FetchFailure.ConnectionReset, error.Failure);
    }

    [Fact]
    public async Task A_port_where_nothing_listens_is_connection_refused()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var fetcher = Fetcher();
        var url = new Uri($"http://127.0.0.1:{port}/feed");

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(url));

        Assert.Equal(FetchFailure.ConnectionRefused, error.Failure);
        Assert.Equal($"The server 127.0.0.1:{port} refused the connection for {url}: nothing is listening there, or a firewall blocks it.", error.Message);
    }

    [Fact]
    public async Task A_server_that_does_not_speak_TLS_is_a_TLS_error()
    {
        await using var server = RawHttpServer.Start(async (client, token) =>
        {
            var stream = client.GetStream();
            await stream.ReadAtLeastAsync(new byte[1024], 1, throwOnEndOfStream: false, token);
            await RawHttpServer.WriteAsync(stream, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n", token);
        });
        using var fetcher = Fetcher();
        var url = server.Url(scheme: "https");

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(url));

        Assert.Equal(FetchFailure.TlsError, error.Failure);
        Assert.StartsWith("Could not open a secure (HTTPS) connection to 127.0.0.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_is_not_HTTP_is_an_invalid_response()
    {
        await using var server = RawHttpServer.Start(async (client, token) =>
        {
            var stream = client.GetStream();
            await RawHttpServer.ReadRequestHeadAsync(stream, token);
            await RawHttpServer.WriteAsync(stream, "SSH-2.0-OpenSSH_9.6\r\n\r\n", token);
        });
        using var fetcher = Fetcher();

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url()));

        Assert.Equal(FetchFailure.InvalidResponse, error.Failure);
        Assert.Equal($"The server 127.0.0.1 sent an answer for {server.Url()} that is not valid HTTP, or whose compressed body is corrupt.", error.Message);
    }

    [Fact]
    public async Task A_corrupt_gzip_body_is_an_invalid_response()
    {
        await using var server = RawHttpServer.Start(async (client, token) =>
        {
            var stream = client.GetStream();
            await RawHttpServer.ReadRequestHeadAsync(stream, token);
            byte[] corrupt = [0x1F, 0x8B, 0x08, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x03, 0xDE, 0xAD, 0xBE, 0xEF, 0xDE, 0xAD, 0xBE, 0xEF];
            await RawHttpServer.WriteAsync(stream, FeedHead + $"Content-Encoding: gzip\r\nContent-Length: {corrupt.Length}\r\n\r\n", token);
            await stream.WriteAsync(corrupt, token);
            await Task.Delay(Timeout.Infinite, token);
        });
        using var fetcher = Fetcher();

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url()));

        Assert.Equal(FetchFailure.InvalidResponse, error.Failure);
    }
}
