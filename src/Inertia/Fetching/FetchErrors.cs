using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Inertia.Fetching;

/// <summary>The plain-English failures users see when a fetch produced no HTTP answer.</summary>
internal static class FetchErrors
{
    public static FetchException AddressRefused(IPAddress address, Uri url)
    {
        var prefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var category = AddressClassifier.Describe(AddressClassifier.Classify(address));
        return new(FetchFailure.AddressRefused, url,
            $"Refused to connect to {address} ({category}) for {UrlText.Redact(url)}: private, loopback and link-local addresses are blocked. " +
            $"Allow it with {NetworkAllowList.CommandLineOption} {address}/{prefix} or {NetworkAllowList.EnvironmentVariable}.");
    }

    public static FetchException SchemeNotAllowed(Uri url) => new(FetchFailure.SchemeNotAllowed, url,
        $"Refused to fetch {UrlText.Redact(url)}: only http and https addresses can be fetched.");

    public static FetchException RedirectSchemeNotAllowed(Uri from, Uri to) => new(FetchFailure.SchemeNotAllowed, to,
        $"Refused to follow the redirect from {from} to {to}: only http and https addresses can be fetched.");

    public static FetchException DnsFailure(string host, Uri url, Exception? inner) => new(FetchFailure.DnsFailure, url,
        $"Could not find the server {host} for {UrlText.Redact(url)}: the name does not resolve (DNS lookup failed).", inner);

    public static FetchException ConnectFailed(SocketException error, string host, int port, Uri url) => error.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => new(FetchFailure.ConnectionRefused, url,
            $"The server {host}:{port} refused the connection for {UrlText.Redact(url)}: nothing is listening there, or a firewall blocks it.", error),
        SocketError.TimedOut => new(FetchFailure.Timeout, url,
            $"Connecting to {host}:{port} for {UrlText.Redact(url)} took too long: the server does not answer.", error),
        SocketError.ConnectionReset or SocketError.ConnectionAborted => ConnectionClosed(host, url, error),
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => DnsFailure(host, url, error),
        _ => NetworkError(host, url, error),
    };

    public static FetchException ConnectTimeout(string host, Uri url, TimeSpan limit, Exception? inner) => new(FetchFailure.Timeout, url,
        $"Connecting to {host} for {UrlText.Redact(url)} took longer than {Seconds(limit)}: the server does not answer.", inner);

    public static FetchException TotalTimeout(Uri url, TimeSpan limit, Exception? inner) => new(FetchFailure.Timeout, url,
        $"Fetching {UrlText.Redact(url)} took longer than {Seconds(limit)}, so it was stopped.", inner);

    public static FetchException ConnectionClosed(string host, Uri url, Exception? inner) => new(FetchFailure.ConnectionReset, url,
        $"The connection to {host} was closed before the whole answer for {UrlText.Redact(url)} arrived.", inner);

    public static FetchException TlsError(string host, Uri url, Exception? inner) => new(FetchFailure.TlsError, url,
        $"Could not open a secure (HTTPS) connection to {host} for {UrlText.Redact(url)}: its certificate is not valid, or its TLS setup is broken.", inner);

    public static FetchException TooLarge(Uri url, long limit) => new(FetchFailure.TooLarge, url,
        $"The answer for {UrlText.Redact(url)} is larger than the limit of {Size(limit)}, so it was not read to the end.");

    public static FetchException TooManyRedirects(Uri url, int limit) => new(FetchFailure.TooManyRedirects, url,
        $"Gave up on {UrlText.Redact(url)} after {limit} redirects: the server keeps sending Inertia elsewhere.");

    public static FetchException RedirectLoop(Uri url, Uri target) => new(FetchFailure.RedirectLoop, url,
        $"{UrlText.Redact(url)} redirects in a loop: it leads back to {UrlText.Redact(target)}.");

    public static FetchException InvalidResponse(string host, Uri url, Exception? inner) => new(FetchFailure.InvalidResponse, url,
        $"The server {host} sent an answer for {UrlText.Redact(url)} that is not valid HTTP, or whose compressed body is corrupt.", inner);

    public static FetchException NetworkError(string host, Uri url, Exception? inner) => new(FetchFailure.NetworkError, url,
        $"Could not reach {host} for {UrlText.Redact(url)}: the network failed ({Plain(inner)}).", inner);

    private static string Plain(Exception? error) => error is SocketException socket
        ? socket.SocketErrorCode switch
        {
            SocketError.NetworkUnreachable or SocketError.NetworkDown => "the network is unreachable",
            SocketError.HostUnreachable or SocketError.HostDown => "the host is unreachable",
            _ => "a socket error",
        }
        : "a connection error";

    private static string Seconds(TimeSpan limit) => limit.TotalSeconds == 1
        ? "1 second"
        : string.Create(CultureInfo.InvariantCulture, $"{limit.TotalSeconds:0.###} seconds");

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
}
