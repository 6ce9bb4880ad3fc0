using System.Collections.Concurrent;

namespace Inertia.Refresh;

/// <summary>At most a few fetches at once per host, so that one big host is never hammered however many of its feeds are due.</summary>
internal sealed class HostLimiter(int perHost)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IDisposable> EnterAsync(string url, CancellationToken cancellationToken)
    {
        var host = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.IdnHost : url;
        var gate = _hosts.GetOrAdd(host, _ => new SemaphoreSlim(perHost, perHost));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
