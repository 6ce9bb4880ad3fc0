using System.Net;
using System.Net.Sockets;

namespace Inertia.Fetching;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> that enforces the address guard. It resolves the name itself
/// and connects only to an address it has checked, so the address judged is the address reached: DNS rebinding and
/// redirects to internal hosts are refused as surely as a literal internal URL.
/// </summary>
internal sealed class GuardedConnector(NetworkAllowList allowList, Func<string, CancellationToken, Task<IPAddress[]>> resolve)
{
    /// <summary>Opens a TCP connection for <paramref name="context"/> to the first allowed address of its host that accepts.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A trailing dot only marks a name as fully qualified ("localhost." is localhost, "127.0.0.1." is 127.0.0.1),
        // but the system resolver fails on some such names: without it, every decision is the one for the plain host.
        var host = context.DnsEndPoint.Host.TrimEnd('.');
        var port = context.DnsEndPoint.Port;
        var addresses = IPAddress.TryParse(host.AsSpan().Trim("[]"), out var literal)
            ? [literal]
            : IsLocalhost(host) ? Loopbacks : await ResolveAsync(host, cancellationToken);
        var candidates = allowList.AllowsHost(host) ? addresses : Array.FindAll(addresses, IsAllowed);
        if (candidates.Length == 0)
        {
            var refused = addresses[0];
            throw new ConnectionAttemptException(url => FetchErrors.AddressRefused(refused, url));
        }
        SocketException? lastError = null;
        foreach (var candidate in candidates)
        {
            var address = candidate.IsIPv4MappedToIPv6 ? candidate.MapToIPv4() : candidate;
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                lastError = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        var error = lastError!;
        throw new ConnectionAttemptException(url => FetchErrors.ConnectFailed(error, host, port, url), error);
    }

    // RFC 6761 gives localhost and every name under it to the local host, but not every system resolver knows
    // the names under it: answering them here makes the guard refuse them as the loopback names they are.
    private static readonly IPAddress[] Loopbacks = [IPAddress.Loopback, IPAddress.IPv6Loopback];

    private static bool IsLocalhost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    private bool IsAllowed(IPAddress address) =>
        AddressClassifier.Classify(address) == AddressCategory.Public || allowList.AllowsAddress(address);

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = await resolve(host, cancellationToken);
        }
        catch (SocketException e)
        {
            throw new ConnectionAttemptException(url => FetchErrors.DnsFailure(host, url, e), e);
        }
        if (addresses.Length == 0)
        {
            throw new ConnectionAttemptException(url => FetchErrors.DnsFailure(host, url, null));
        }
        return addresses;
    }
}
