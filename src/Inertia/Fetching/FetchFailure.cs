namespace Inertia.Fetching;

/// <summary>Why a fetch produced no HTTP answer to show (HTTP statuses are results, not failures).</summary>
internal enum FetchFailure
{
    /// <summary>The address connected to is loopback, private, link-local or otherwise not public, and not allowed.</summary>
    AddressRefused,
    /// <summary>The URL, or a redirect, is not http or https.</summary>
    SchemeNotAllowed,
    /// <summary>The host name does not resolve.</summary>
    DnsFailure,
    /// <summary>Nothing accepts connections at the address and port.</summary>
    ConnectionRefused,
    /// <summary>The connection was reset or closed before the whole response arrived.</summary>
    ConnectionReset,
    /// <summary>Connecting took longer than the connect timeout, or the whole fetch longer than the total timeout.</summary>
    Timeout,
    /// <summary>The secure connection could not be set up (certificate or TLS handshake).</summary>
    TlsError,
    /// <summary>The body is larger than the size limit.</summary>
    TooLarge,
    /// <summary>More redirects than allowed.</summary>
    TooManyRedirects,
    /// <summary>A redirect leads back to an address already visited.</summary>
    RedirectLoop,
    /// <summary>The server's answer is not valid HTTP, or its compressed body is corrupt.</summary>
    InvalidResponse,
    /// <summary>Another network failure, such as an unreachable network.</summary>
    NetworkError,
}
