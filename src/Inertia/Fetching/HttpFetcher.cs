using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Authentication;
using System.Security.Cryptography;

namespace Inertia.Fetching;

/// <summary>
/// The one HTTP client through which the server fetches anything from the web: feeds, pages for discovery, icons.
/// It enforces the address guard on every connection, follows redirects itself so each hop is checked, bounds
/// the body and the time, and reports HTTP statuses as results and everything else as a <see cref="FetchException"/>.
/// A long-lived singleton: thread-safe, with one pooled handler.
/// </summary>
internal sealed class HttpFetcher : IDisposable
{
    /// <summary>The <c>Accept</c> header: feeds first, then anything XML or JSON, then pages that may link to a feed.</summary>
    public const string AcceptHeader =
        "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, " +
        "text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

    private const int MaxConnectionsPerServer = 4;
    private static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    private readonly HttpClient _client;

    /// <summary>Creates the client with <paramref name="options"/> (default: <see cref="FetchOptions.Default"/>).</summary>
    public HttpFetcher(FetchOptions? options = null)
        : this(options ?? FetchOptions.Default, Dns.GetHostAddressesAsync)
    {
    }

    /// <summary>Creates the client with a name resolver of the caller's choosing, so tests can play DNS.</summary>
    internal HttpFetcher(FetchOptions options, Func<string, CancellationToken, Task<IPAddress[]>> resolve)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        var handler = new SocketsHttpHandler
        {
            // Redirects are followed here, hop by hop; a proxy would connect on our behalf and bypass the guard.
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.ConnectTimeout,
            ConnectCallback = new GuardedConnector(options.AllowList, resolve).ConnectAsync,
            PooledConnectionLifetime = PooledConnectionLifetime,
            MaxConnectionsPerServer = MaxConnectionsPerServer,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The <c>User-Agent</c> header: "Inertia/&lt;version&gt; (+self-hosted feed reader)".</summary>
    public static string UserAgent { get; } = $"Inertia/{ProductVersion()} (+self-hosted feed reader)";

    /// <summary>The limits this client applies.</summary>
    public FetchOptions Options { get; }

    /// <summary>
    /// Fetches <paramref name="url"/> with GET, conditionally when <paramref name="validators"/> are given, following
    /// up to <see cref="FetchOptions.MaxRedirects"/> redirects.
    /// </summary>
    /// <returns>The final answer, whatever its status.</returns>
    /// <exception cref="FetchException">No HTTP answer could be had; the message is fit for users.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<FetchResult> FetchAsync(Uri url, FetchValidators? validators = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"'{UrlText.Redact(url)}' is not an absolute URL.", nameof(url));
        }
        if (!IsFetchable(url))
        {
            throw FetchErrors.SchemeNotAllowed(url);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.TotalTimeout);
        var current = url;
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        var permanent = true;
        for (var redirects = 0; ; redirects++)
        {
            try
            {
                using var request = CreateRequest(current, validators);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    var next = new Uri(current, location);
                    if (!IsFetchable(next))
                    {
                        throw FetchErrors.RedirectSchemeNotAllowed(current, next);
                    }
                    if (!visited.Add(next.AbsoluteUri))
                    {
                        throw FetchErrors.RedirectLoop(url, next);
                    }
                    if (redirects == Options.MaxRedirects)
                    {
                        throw FetchErrors.TooManyRedirects(url, Options.MaxRedirects);
                    }
                    permanent &= status is 301 or 308;
                    current = next;
                    continue;
                }
                return await ReadResultAsync(response, url, current, redirects, redirects > 0 && permanent, timeout.Token);
            }
            catch (Exception e) when (e is not FetchException && !cancellationToken.IsCancellationRequested && Translate(e, current, timeout.Token) is { } failure)
            {
                throw failure;
            }
        }
    }

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => _client.Dispose();

    private static HttpRequestMessage CreateRequest(Uri url, FetchValidators? validators)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", AcceptHeader);
        if (validators?.ETag is { Length: > 0 } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }
        if (validators?.LastModified is { Length: > 0 } lastModified)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }
        return request;
    }

    private async Task<FetchResult> ReadResultAsync(HttpResponseMessage response, Uri requested, Uri final, int redirects, bool permanent, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        byte[]? body = null;
        if (status is >= 200 and <= 299)
        {
            body = await BoundedBodyReader.ReadAsync(response.Content, Options.MaxBodyBytes, cancellationToken)
                ?? throw FetchErrors.TooLarge(final, Options.MaxBodyBytes);
        }
        return new FetchResult
        {
            RequestedUrl = requested,
            FinalUrl = final,
            StatusCode = status,
            RedirectCount = redirects,
            IsPermanentRedirect = permanent,
            Body = body,
            BodySha256 = body is null ? null : Convert.ToHexStringLower(SHA256.HashData(body)),
            ContentType = Header(response.Content.Headers, "Content-Type"),
            ETag = Header(response.Headers, "ETag"),
            LastModified = Header(response.Content.Headers, "Last-Modified"),
            RetryAfter = RetryAfter(response),
            MaxAge = response.Headers.CacheControl?.MaxAge,
            Description = StatusDescriptions.Describe(status),
        };
    }

    private static string? Header(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) && values.Count > 0 ? values.ToString() : null;

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }
        if (retryAfter?.Date is { } date)
        {
            // Measured against the server's clock, so a skewed local clock does not stretch or shrink the wait.
            var wait = date - (response.Headers.Date ?? DateTimeOffset.UtcNow);
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private FetchException? Translate(Exception error, Uri url, CancellationToken totalTimeout)
    {
        for (var inner = error; inner is not null; inner = inner.InnerException)
        {
            if (inner is ConnectionAttemptException attempt)
            {
                return attempt.ForUrl(url);
            }
        }
        var host = url.IdnHost;
        if (error is OperationCanceledException)
        {
            return totalTimeout.IsCancellationRequested
                ? FetchErrors.TotalTimeout(url, Options.TotalTimeout, error)
                : FetchErrors.ConnectTimeout(host, url, Options.ConnectTimeout, error);
        }
        var requestError = error switch
        {
            HttpRequestException e => e.HttpRequestError,
            HttpIOException e => e.HttpRequestError,
            _ => HttpRequestError.Unknown,
        };
        return requestError switch
        {
            HttpRequestError.NameResolutionError => FetchErrors.DnsFailure(host, url, error),
            HttpRequestError.SecureConnectionError => FetchErrors.TlsError(host, url, error),
            HttpRequestError.ResponseEnded => FetchErrors.ConnectionClosed(host, url, error),
            HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError or HttpRequestError.ConfigurationLimitExceeded
                => FetchErrors.InvalidResponse(host, url, error),
            _ => TranslateByCause(error, host, url),
        };
    }

    private static FetchException? TranslateByCause(Exception error, string host, Uri url)
    {
        for (var inner = error; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SocketException socket:
                    return FetchErrors.ConnectFailed(socket, host, url.Port, url);
                case AuthenticationException:
                    return FetchErrors.TlsError(host, url, error);
                case InvalidDataException:
                    return FetchErrors.InvalidResponse(host, url, error);
            }
        }
        return error is HttpRequestException or IOException ? FetchErrors.NetworkError(host, url, error) : null;
    }

    private static bool IsFetchable(Uri url) => url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps;

    // The assembly holding this client is the inertia executable, the entry assembly in production; reading it
    // directly gives the same answer under a test host, whose entry assembly is the test runner.
    private static string ProductVersion()
    {
        var version = typeof(HttpFetcher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrWhiteSpace(version))
        {
            return "0.1.0";
        }
        var build = version.IndexOf('+', StringComparison.Ordinal);
        return build < 0 ? version : version[..build];
    }
}
