using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Inertia.Tests.Fetching;

/// <summary>
/// A bare TCP server on a loopback address that answers each connection with whatever bytes the test writes, so a
/// test can misbehave in ways Kestrel will not: stall mid-body, lie in Content-Length, reset, speak no TLS.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<TcpClient, CancellationToken, Task> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _acceptLoop;
    private int _connectionCount;

    private RawHttpServer(TcpListener listener, Func<TcpClient, CancellationToken, Task> respond)
    {
        _listener = listener;
        _respond = respond;
        // On the thread pool, not on the test framework's synchronization context: the server's timing must not
        // depend on what other tests are doing with the framework's few threads.
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IPAddress Address => ((IPEndPoint)_listener.LocalEndpoint).Address;

    /// <summary>How many connections were accepted.</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public Uri Url(string path = "/feed", string scheme = "http") => new($"{scheme}://{Address}:{Port}{path}");

    /// <summary>Starts a server on <paramref name="address"/> (default 127.0.0.1) and <paramref name="port"/> (default: any free one).</summary>
    public static RawHttpServer Start(Func<TcpClient, CancellationToken, Task> respond, IPAddress? address = null, int port = 0)
    {
        var listener = new TcpListener(address ?? IPAddress.Loopback, port);
        listener.Start();
        return new RawHttpServer(listener, respond);
    }

    /// <summary>Reads the request line and headers, up to the blank line.</summary>
    public static async Task<string> ReadRequestHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                break;
            }
            head.Append((char)one[0]);
        }
        return head.ToString();
    }

    public static Task WriteAsync(Stream stream, string text, CancellationToken cancellationToken) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(text), cancellationToken).AsTask();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }
        await Task.WhenAll(connections);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref _connectionCount);
            lock (_connections)
            {
                _connections.Add(ServeAsync(client));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await _respond(client, _stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client hung up or the test ended: both are the point of most of these servers.
            }
        }
    }
}
