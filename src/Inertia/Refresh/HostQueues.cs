using Inertia.Storage.Feeds;

namespace Inertia.Refresh;

/// <summary>
/// At most a few fetches at once per host, so that one big host is never hammered, without making
/// workers wait: a feed whose host is busy waits in its host's queue, and whoever finishes a feed of that
/// host takes the next one. Workers stay free for the feeds of other hosts.
/// </summary>
internal sealed class HostQueues(int perHost)
{
    private readonly Dictionary<string, Host> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the feed may start now (its host slot is taken); otherwise it is queued for its host.</summary>
    public bool TryStartOrQueue(FeedToFetch feed)
    {
        lock (_hosts)
        {
            var host = HostOf(feed);
            if (host.Active < perHost)
            {
                host.Active++;
                return true;
            }
            host.Waiting.Enqueue(feed);
            return false;
        }
    }

    /// <summary>Frees the finished feed's host slot and returns the host's next waiting feed (its slot taken), if any.</summary>
    public FeedToFetch? Finish(FeedToFetch finished)
    {
        lock (_hosts)
        {
            var host = HostOf(finished);
            if (host.Waiting.TryDequeue(out var next))
            {
                return next;
            }
            host.Active--;
            return null;
        }
    }

    private Host HostOf(FeedToFetch feed)
    {
        var name = Uri.TryCreate(feed.Url, UriKind.Absolute, out var uri) ? uri.IdnHost : feed.Url;
        if (!_hosts.TryGetValue(name, out var host))
        {
            host = new Host();
            _hosts[name] = host;
        }
        return host;
    }

    private sealed class Host
    {
        public int Active { get; set; }

        public Queue<FeedToFetch> Waiting { get; } = new();
    }
}
