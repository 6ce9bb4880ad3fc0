namespace Inertia.Fetching;

/// <summary>The limits every outbound fetch obeys. The defaults suit thousands of untrusted feeds.</summary>
internal sealed record FetchOptions
{
    /// <summary>The default options: public addresses only, 20 MB, 10 s to connect, 30 s in all, 5 redirects.</summary>
    public static FetchOptions Default { get; } = new();

    /// <summary>Networks and host names reachable although the address guard would refuse them. Default: none.</summary>
    public NetworkAllowList AllowList { get; init; } = NetworkAllowList.Empty;

    /// <summary>The largest body read, after decompression; reading stops one byte past it. Default 20 MB.</summary>
    public long MaxBodyBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>How long resolving the name and opening the connection may take. Default 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a whole fetch may take, every redirect and the whole body included. Default 30 seconds.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many redirects are followed before giving up. Default 5.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>
    /// The default options with the allow-list of the repeatable <c>--allow-network</c> option added to the
    /// configured one (<see cref="Hosting.InertiaConfiguration.AllowNetworks"/>).
    /// </summary>
    /// <exception cref="ArgumentException">An entry is not valid; the message names it and the option.</exception>
    public static FetchOptions FromConfiguration(IEnumerable<string>? allowNetworkOptions, NetworkAllowList configured) =>
        new() { AllowList = NetworkAllowList.Parse(allowNetworkOptions ?? [], NetworkAllowList.CommandLineOption).Union(configured) };
}
