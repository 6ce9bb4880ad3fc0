using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Inertia.Fetching;

namespace Inertia.Tests.Fetching;

/// <summary>The client against a real Kestrel server: conditional GET, compression, redirects, statuses, headers.</summary>
public sealed class HttpFetcherTests(FetchServerFixture server) : IClassFixture<FetchServerFixture>, IDisposable
{
    private readonly HttpFetcher _fetcher = TestFetchers.Loopback();

    public void Dispose() => _fetcher.Dispose();

    [Fact]
    public async Task A_feed_is_fetched_with_its_bytes_content_type_and_hash()
    {
        var result = await _fetcher.FetchAsync(server.Url("/feed.xml"));

        Assert.Equal(200, result.StatusCode);
        Assert.True(result.IsSuccess);
        Assert.Equal(FeedFixtures.Rss, result.Body.ToArray());
        Assert.Equal("application/rss+xml; charset=utf-8", result.ContentType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(FeedFixtures.Rss)), result.BodySha256);
        Assert.Equal(server.Url("/feed.xml"), result.FinalUrl);
        Assert.Equal(0, result.RedirectCount);
        Assert.False(result.IsPermanentRedirect);
        Assert.Equal("The server answered 200 OK.", result.Description);
    }

    [Fact]
    public async Task An_identical_body_has_the_same_hash()
    {
        var first = await _fetcher.FetchAsync(server.Url("/feed.xml"));
        var second = await _fetcher.FetchAsync(server.Url("/gzip"));

        Assert.Equal(first.BodySha256, second.BodySha256);
    }

    [Fact]
    public async Task ETag_round_trip_gives_304_not_modified_without_a_body()
    {
        var first = await _fetcher.FetchAsync(server.Url("/etag"));
        Assert.Equal(200, first.StatusCode);
        Assert.Equal(FetchServerFixture.ETag, first.ETag);

        var second = await _fetcher.FetchAsync(server.Url("/etag"), FetchValidators.From(first));

        Assert.Equal(304, second.StatusCode);
        Assert.True(second.IsNotModified);
        Assert.False(second.IsSuccess);
        Assert.True(second.Body.IsEmpty);
        Assert.Null(second.BodySha256);
        Assert.Equal("The server answered 304 Not Modified: the feed has not changed since the last fetch.", second.Description);
    }

    [Fact]
    public async Task Last_Modified_round_trip_gives_304_not_modified()
    {
        var first = await _fetcher.FetchAsync(server.Url("/last-modified"));
        Assert.Equal(FetchServerFixture.LastModified, first.LastModified);
        Assert.Null(first.ETag);

        var second = await _fetcher.FetchAsync(server.Url("/last-modified"), new FetchValidators(null, first.LastModified));

        Assert.True(second.IsNotModified);
        Assert.True(second.Body.IsEmpty);
    }

    [Fact]
    public async Task A_stale_ETag_gets_the_full_feed_again()
    {
        var result = await _fetcher.FetchAsync(server.Url("/etag"), new FetchValidators("\"old\"", null));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(FeedFixtures.Rss, result.Body.ToArray());
    }

    [Theory]
    [InlineData("/gzip")]
    [InlineData("/deflate")]
    [InlineData("/brotli")]
    public async Task Compressed_bodies_are_decompressed(string path)
    {
        var result = await _fetcher.FetchAsync(server.Url(path));

        Assert.Equal(FeedFixtures.Rss, result.Body.ToArray());
    }

    [Fact]
    public async Task A_compressed_body_that_expands_past_the_cap_is_refused()
    {
        using var fetcher = new HttpFetcher(TestFetchers.Options("127.0.0.0/8") with { MaxBodyBytes = 1024 * 1024 });

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url("/gzip-bomb")));

        Assert.Equal(FetchFailure.TooLarge, error.Failure);
        Assert.Equal($"The answer for {server.Url("/gzip-bomb")} is larger than the limit of 1 MB, so it was not read to the end.", error.Message);
    }

    [Fact]
    public async Task The_client_names_Inertia_prefers_feeds_and_accepts_compression()
    {
        var result = await _fetcher.FetchAsync(server.Url("/headers"));
        var lines = Encoding.UTF8.GetString(result.Body.Span).Split('\n');

        var userAgent = lines[0]["User-Agent: ".Length..];
        Assert.StartsWith("Inertia/", userAgent, StringComparison.Ordinal);
        Assert.EndsWith(" (+self-hosted feed reader)", userAgent, StringComparison.Ordinal);
        Assert.True(Version.TryParse(userAgent["Inertia/".Length..userAgent.IndexOf(' ', StringComparison.Ordinal)], out _), userAgent);
        Assert.Equal(
            "Accept: application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5",
            lines[1]);
        Assert.Contains("gzip", lines[2], StringComparison.Ordinal);
        Assert.Contains("deflate", lines[2], StringComparison.Ordinal);
        Assert.Contains("br", lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(301, true)]
    [InlineData(308, true)]
    [InlineData(302, false)]
    [InlineData(303, false)]
    [InlineData(307, false)]
    public async Task A_redirect_is_followed_and_reported_as_permanent_only_for_301_and_308(int status, bool permanent)
    {
        var result = await _fetcher.FetchAsync(server.Url($"/redirect/{status}"));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(server.Url("/feed.xml"), result.FinalUrl);
        Assert.Equal(server.Url($"/redirect/{status}"), result.RequestedUrl);
        Assert.Equal(1, result.RedirectCount);
        Assert.Equal(permanent, result.IsPermanentRedirect);
        Assert.Equal(FeedFixtures.Rss, result.Body.ToArray());
    }

    [Fact]
    public async Task A_chain_is_permanent_only_when_every_hop_is()
    {
        var mixed = await _fetcher.FetchAsync(server.Url("/permanent-then-temporary"));
        var permanent = await _fetcher.FetchAsync(server.Url("/permanent-then-permanent"));

        Assert.Equal(2, mixed.RedirectCount);
        Assert.False(mixed.IsPermanentRedirect);
        Assert.Equal(2, permanent.RedirectCount);
        Assert.True(permanent.IsPermanentRedirect);
        Assert.Equal(server.Url("/feed.xml"), permanent.FinalUrl);
    }

    [Fact]
    public async Task Five_redirects_are_followed()
    {
        var result = await _fetcher.FetchAsync(server.Url("/chain/5"));

        Assert.Equal(5, result.RedirectCount);
        Assert.Equal(server.Url("/chain/0"), result.FinalUrl);
    }

    [Fact]
    public async Task A_sixth_redirect_is_refused()
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => _fetcher.FetchAsync(server.Url("/chain/6")));

        Assert.Equal(FetchFailure.TooManyRedirects, error.Failure);
        Assert.Equal($"Gave up on {server.Url("/chain/6")} after 5 redirects: the server keeps sending Inertia elsewhere.", error.Message);
    }

    [Fact]
    public async Task A_redirect_loop_is_refused()
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => _fetcher.FetchAsync(server.Url("/loop-a")));

        Assert.Equal(FetchFailure.RedirectLoop, error.Failure);
        Assert.Equal($"{server.Url("/loop-a")} redirects in a loop: it leads back to {server.Url("/loop-a")}.", error.Message);
    }

    [Theory]
    [InlineData("/to-ftp", "ftp://127.0.0.1/feed.xml")]
    [InlineData("/to-file", "file:///etc/passwd")]
    public async Task A_redirect_to_a_scheme_other_than_http_is_refused(string path, string target)
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => _fetcher.FetchAsync(server.Url(path)));

        Assert.Equal(FetchFailure.SchemeNotAllowed, error.Failure);
        Assert.Equal(new Uri(target), error.Url);
        Assert.Equal($"Refused to follow the redirect from {server.Url(path)} to {target}: only http and https addresses can be fetched.", error.Message);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/feed.xml")]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://127.0.0.1/")]
    public async Task A_url_with_a_scheme_other_than_http_is_refused(string url)
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => _fetcher.FetchAsync(new Uri(url)));

        Assert.Equal(FetchFailure.SchemeNotAllowed, error.Failure);
        Assert.Equal($"Refused to fetch {url}: only http and https addresses can be fetched.", error.Message);
    }

    [Theory]
    [InlineData(404, "The server answered 404 Not Found: the feed is not at this address any more.")]
    [InlineData(500, "The server answered 500 Internal Server Error: the site has a problem on its side.")]
    [InlineData(410, "The server answered 410 Gone: the feed has been removed for good.")]
    [InlineData(403, "The server answered 403 Forbidden: it refuses to give the feed to Inertia.")]
    [InlineData(401, "The server answered 401 Unauthorized: the feed needs a user name and password.")]
    [InlineData(502, "The server answered 502 Bad Gateway: the site's gateway could not reach the site.")]
    public async Task An_error_status_is_a_result_with_a_plain_description_and_no_body(int status, string description)
    {
        var result = await _fetcher.FetchAsync(server.Url($"/status/{status}"));

        Assert.Equal(status, result.StatusCode);
        Assert.False(result.IsSuccess);
        Assert.Equal(description, result.Description);
        Assert.True(result.Body.IsEmpty);
        Assert.Null(result.BodySha256);
    }

    [Fact]
    public async Task Gone_is_visible_to_the_caller()
    {
        var result = await _fetcher.FetchAsync(server.Url("/status/410"));

        Assert.True(result.IsGone);
    }

    [Fact]
    public async Task Too_many_requests_with_Retry_After_in_seconds()
    {
        var result = await _fetcher.FetchAsync(server.Url("/retry-seconds"));

        Assert.Equal(429, result.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        Assert.Equal("The server answered 429 Too Many Requests: it asks Inertia to slow down and come back later.", result.Description);
    }

    [Fact]
    public async Task Too_many_requests_with_Retry_After_as_a_date_is_measured_against_the_servers_clock()
    {
        var result = await _fetcher.FetchAsync(server.Url("/retry-date"));

        Assert.Equal(429, result.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(90), result.RetryAfter);
    }

    [Fact]
    public async Task Service_unavailable_with_Retry_After()
    {
        var result = await _fetcher.FetchAsync(server.Url("/unavailable"));

        Assert.Equal(503, result.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
        Assert.Equal("The server answered 503 Service Unavailable: the site is unavailable for now.", result.Description);
    }

    [Fact]
    public async Task Cache_control_max_age_is_reported()
    {
        var result = await _fetcher.FetchAsync(server.Url("/cached"));

        Assert.Equal(TimeSpan.FromSeconds(900), result.MaxAge);
        Assert.Null(result.RetryAfter);
    }

    [Fact]
    public async Task A_slow_but_progressing_answer_finishes_within_the_total_timeout()
    {
        using var fetcher = new HttpFetcher(TestFetchers.Options("127.0.0.0/8") with { TotalTimeout = TimeSpan.FromSeconds(3) });

        var result = await fetcher.FetchAsync(server.Url("/slow"));

        Assert.Equal(FeedFixtures.Rss, result.Body.ToArray());
    }

    [Fact]
    public async Task An_endless_chunked_body_is_refused_while_streaming()
    {
        using var fetcher = new HttpFetcher(TestFetchers.Options("127.0.0.0/8") with { MaxBodyBytes = 256 * 1024 });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url("/endless")));

        // The body never ends, so only a client that stops at the cap can return at all, let alone this soon.
        Assert.Equal(FetchFailure.TooLarge, error.Failure);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed} (the total timeout is 30 s)");
    }

    [Fact]
    public async Task Concurrent_fetches_share_one_client()
    {
        var fetches = Enumerable.Range(0, 24).Select(_ => _fetcher.FetchAsync(server.Url("/feed.xml")));

        var results = await Task.WhenAll(fetches);

        Assert.All(results, r => Assert.Equal(FeedFixtures.Rss, r.Body.ToArray()));
    }

    [Fact]
    public async Task Cancelling_the_caller_token_cancels_rather_than_reporting_a_failure()
    {
        using var cancel = new CancellationTokenSource();
        var fetch = _fetcher.FetchAsync(server.Url("/slow"), cancellationToken: cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch);
    }

    [Fact]
    public async Task A_relative_url_is_a_programming_error()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _fetcher.FetchAsync(new Uri("/feed.xml", UriKind.Relative)));
    }
}
