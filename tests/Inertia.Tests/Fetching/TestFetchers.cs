using System.Net;
using Inertia.Fetching;

namespace Inertia.Tests.Fetching;

/// <summary>Fetchers for tests: the test servers are on 127.0.0.1, so most tests allow loopback explicitly.</summary>
internal static class TestFetchers
{
    /// <summary>Short limits so a failing test fails fast, and the allow-list given.</summary>
    public static FetchOptions Options(params string[] allow) => new()
    {
        AllowList = NetworkAllowList.Parse(allow),
        ConnectTimeout = TimeSpan.FromSeconds(2),
        TotalTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>A fetcher that may reach 127.0.0.0/8.</summary>
    public static HttpFetcher Loopback() => new(Options("127.0.0.0/8"));

    /// <summary>A fetcher whose DNS answers every name with <paramref name="addresses"/>.</summary>
    public static HttpFetcher WithDns(FetchOptions options, params IPAddress[] addresses) =>
        new(options, (_, _) => Task.FromResult(addresses));
}
