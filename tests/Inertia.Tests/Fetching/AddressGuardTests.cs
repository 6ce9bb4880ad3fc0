using System.Net;
using System.Net.Sockets;
using Inertia.Fetching;

namespace Inertia.Tests.Fetching;

/// <summary>
/// The address guard on real connections: loopback servers are refused unless the allow-list opens them, whether
/// reached by literal address, by name, by a redirect or through a DNS answer that points inside.
/// </summary>
public sealed class AddressGuardTests(FetchServerFixture server) : IClassFixture<FetchServerFixture>
{
    [Fact]
    public async Task A_feed_on_127_0_0_1_is_refused_by_default_without_connecting()
    {
        using var fetcher = new HttpFetcher(TestFetchers.Options());
        var url = server.Url("/feed.xml");
        var before = server.Server.RequestCount;

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(url));

        Assert.Equal(FetchFailure.AddressRefused, error.Failure);
        Assert.Equal(
            $"Refused to connect to 127.0.0.1 (loopback) for {url}: private, loopback and link-local addresses are blocked. " +
            "Allow it with --allow-network 127.0.0.1/32 or INERTIA_ALLOW_NETWORKS.",
            error.Message);
        Assert.Equal(before, server.Server.RequestCount);
    }

    [Theory]
    [InlineData("127.0.0.0/8")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1/32")]
    public async Task A_feed_on_127_0_0_1_is_fetched_when_allowed(string entry)
    {
        using var fetcher = new HttpFetcher(TestFetchers.Options(entry));

        var result = await fetcher.FetchAsync(server.Url("/feed.xml"));

        Assert.Equal(FeedFixtures.Rss, result.Body.ToArray());
    }

    [Fact]
    public async Task The_name_localhost_is_refused_by_default()
    {
        using var fetcher = new HttpFetcher(TestFetchers.Options());
        var url = new Uri($"http://localhost:{server.Server.Port}/feed.xml");

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(url));

        Assert.Equal(FetchFailure.AddressRefused, error.Failure);
        Assert.Contains("(loopback) for http://localhost:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.0/8")]
    [InlineData("localhost")]
    public async Task The_name_localhost_is_fetched_when_its_address_or_its_name_is_allowed(string entry)
    {
        using var fetcher = new HttpFetcher(TestFetchers.Options(entry));

        var result = await fetcher.FetchAsync(new Uri($"http://localhost:{server.Server.Port}/feed.xml"));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(FeedFixtures.Rss, result.Body.ToArray());
    }

    [Theory]
    [InlineData("127.0.0.1.")]
    [InlineData("localhost.")]
    [InlineData("foo.localhost")]
    [InlineData("foo.localhost.")]
    [InlineData("[::1].")]
    public async Task A_trailing_dot_host_is_refused_by_the_address_guard_like_the_host_without_it(string host)
    {
        using var fetcher = new HttpFetcher(TestFetchers.Options());
        var url = new Uri($"http://{host}:{server.Server.Port}/feed.xml");
        var before = server.Server.RequestCount;

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(url));

        Assert.Equal(FetchFailure.AddressRefused, error.Failure);
        Assert.Contains($"(loopback) for {url}: private, loopback and link-local addresses are blocked.", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, server.Server.RequestCount);
    }

    [Theory]
    [InlineData("127.0.0.1.", "127.0.0.0/8")]
    [InlineData("127.0.0.1.", "127.0.0.1")]
    [InlineData("localhost.", "127.0.0.0/8")]
    [InlineData("localhost.", "localhost")]
    [InlineData("localhost", "localhost.")]
    [InlineData("foo.localhost.", "127.0.0.0/8")]
    [InlineData("foo.localhost.", "foo.localhost")]
    public async Task A_trailing_dot_host_is_fetched_when_the_host_without_it_is_allowed(string host, string entry)
    {
        using var fetcher = new HttpFetcher(TestFetchers.Options(entry));

        var result = await fetcher.FetchAsync(new Uri($"http://{host}:{server.Server.Port}/feed.xml"));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(FeedFixtures.Rss, result.Body.ToArray());
    }

    [Fact]
    public async Task A_redirect_from_an_allowed_host_to_a_blocked_address_is_refused()
    {
        using var fetcher = new HttpFetcher(TestFetchers.Options("localhost"));
        var url = new Uri($"http://localhost:{server.Server.Port}/to-ip");

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(url));

        Assert.Equal(FetchFailure.AddressRefused, error.Failure);
        Assert.Equal(server.Url("/feed.xml"), error.Url);
        Assert.StartsWith($"Refused to connect to 127.0.0.1 (loopback) for {server.Url("/feed.xml")}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_an_address_that_is_allowed_too_is_followed()
    {
        using var fetcher = new HttpFetcher(TestFetchers.Options("localhost", "127.0.0.0/8"));

        var result = await fetcher.FetchAsync(new Uri($"http://localhost:{server.Server.Port}/to-ip"));

        Assert.Equal(server.Url("/feed.xml"), result.FinalUrl);
        Assert.Equal(FeedFixtures.Rss, result.Body.ToArray());
    }

    [Fact]
    public async Task A_redirect_to_another_loopback_address_outside_the_allowed_network_is_refused()
    {
        using var fetcher = new HttpFetcher(TestFetchers.Options("127.0.0.1/32"));

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url("/to-127-0-0-2")));

        Assert.Equal(FetchFailure.AddressRefused, error.Failure);
        Assert.Contains("Refused to connect to 127.0.0.2 (loopback)", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Allow it with --allow-network 127.0.0.2/32 or INERTIA_ALLOW_NETWORKS.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_IPv6_loopback_literal_is_refused_with_an_IPv6_hint()
    {
        using var fetcher = new HttpFetcher(TestFetchers.Options("127.0.0.0/8"));
        var url = new Uri($"http://[::1]:{server.Server.Port}/feed.xml");

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(url));

        Assert.Equal(
            $"Refused to connect to ::1 (loopback) for {url}: private, loopback and link-local addresses are blocked. " +
            "Allow it with --allow-network ::1/128 or INERTIA_ALLOW_NETWORKS.",
            error.Message);
    }

    [Fact]
    public async Task A_public_name_that_resolves_to_loopback_is_refused()
    {
        using var fetcher = TestFetchers.WithDns(TestFetchers.Options(), IPAddress.Loopback);
        var url = new Uri($"http://feeds.example.com:{server.Server.Port}/feed.xml");

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(url));

        Assert.Equal(FetchFailure.AddressRefused, error.Failure);
        Assert.StartsWith($"Refused to connect to 127.0.0.1 (loopback) for {url}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_on_the_allow_list_skips_the_address_check()
    {
        using var fetcher = TestFetchers.WithDns(TestFetchers.Options("feeds.example.com"), IPAddress.Loopback);

        var result = await fetcher.FetchAsync(new Uri($"http://feeds.example.com:{server.Server.Port}/feed.xml"));

        Assert.Equal(FeedFixtures.Rss, result.Body.ToArray());
    }

    [Fact]
    public async Task Only_the_allowed_addresses_of_a_name_are_connected_to()
    {
        await using var feed = RawHttpServer.Start(RespondWithFeed);
        await using var blocked = StartBeside(feed, IPAddress.Parse("127.0.0.2"));
        using var fetcher = TestFetchers.WithDns(TestFetchers.Options("127.0.0.1/32"), IPAddress.Parse("127.0.0.2"), IPAddress.Loopback);

        var result = await fetcher.FetchAsync(new Uri($"http://feeds.example.com:{feed.Port}/feed"));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(0, blocked.ConnectionCount);
        Assert.Equal(1, feed.ConnectionCount);
    }

    [Fact]
    public async Task An_allowed_address_listed_first_is_connected_to_first()
    {
        await using var feed = RawHttpServer.Start(RespondWithFeed);
        await using var other = StartBeside(feed, IPAddress.Parse("127.0.0.2"));
        using var fetcher = TestFetchers.WithDns(TestFetchers.Options("127.0.0.0/8"), IPAddress.Parse("127.0.0.2"), IPAddress.Loopback);

        await fetcher.FetchAsync(new Uri($"http://feeds.example.com:{feed.Port}/feed"));

        Assert.Equal(1, other.ConnectionCount);
        Assert.Equal(0, feed.ConnectionCount);
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_is_a_DNS_failure()
    {
        using var fetcher = new HttpFetcher(TestFetchers.Options(), (_, _) => Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound)));
        var url = new Uri("https://feeds.invalid/rss");

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(url));

        Assert.Equal(FetchFailure.DnsFailure, error.Failure);
        Assert.Equal("Could not find the server feeds.invalid for https://feeds.invalid/rss: the name does not resolve (DNS lookup failed).", error.Message);
    }

    [Fact]
    public async Task A_name_with_no_addresses_is_a_DNS_failure()
    {
        using var fetcher = TestFetchers.WithDns(TestFetchers.Options());

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new Uri("http://empty.example/")));

        Assert.Equal(FetchFailure.DnsFailure, error.Failure);
    }

    [Fact]
    public async Task Resolving_and_connecting_must_finish_within_the_connect_timeout()
    {
        var options = TestFetchers.Options() with { ConnectTimeout = TimeSpan.FromMilliseconds(300) };
        using var fetcher = new HttpFetcher(options, async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return [];
        });
        var url = new Uri("http://slow-dns.example/feed");

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(url));

        Assert.Equal(FetchFailure.Timeout, error.Failure);
        Assert.Equal("Connecting to slow-dns.example for http://slow-dns.example/feed took longer than 0.3 seconds: the server does not answer.", error.Message);
    }

    private static async Task RespondWithFeed(TcpClient client, CancellationToken token)
    {
        var stream = client.GetStream();
        await RawHttpServer.ReadRequestHeadAsync(stream, token);
        await RawHttpServer.WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {FeedFixtures.Rss.Length}\r\n\r\n", token);
        await stream.WriteAsync(FeedFixtures.Rss, token);
    }

    // A second server on the same port at another loopback address, so that a DNS answer can hold both.
    private static RawHttpServer StartBeside(RawHttpServer first, IPAddress address) =>
        RawHttpServer.Start(RespondWithFeed, address, first.Port);
}
