using System.Threading.Channels;

namespace Inertia.Importing;

/// <summary>The imports this process accepted and has yet to run, in order; <see cref="ImportWorker"/> takes them.</summary>
internal sealed class ImportQueue
{
    private readonly Channel<QueuedImport> _channel = Channel.CreateUnbounded<QueuedImport>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Names this process in <c>opml_imports.owner</c>: its heartbeat keeps its imports alive.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public void Enqueue(long importId, long userId) => _channel.Writer.TryWrite(new QueuedImport(importId, userId));

    public ChannelReader<QueuedImport> Reader => _channel.Reader;
}

/// <summary>An import waiting for its turn.</summary>
internal sealed record QueuedImport(long ImportId, long UserId);
