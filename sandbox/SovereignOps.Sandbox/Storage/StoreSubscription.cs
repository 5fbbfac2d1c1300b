using System.Threading.Channels;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Storage;

/// <summary>
/// A stream of committed changes, delivered in resourceVersion order. <see cref="Initial"/> holds what
/// the subscriber asked to start with (current objects as ADDED, or the replayed history); the channel
/// carries everything committed afterwards. A subscriber that falls too far behind is cut off, the
/// way the API server closes a watch that cannot keep up; it then resumes or re-lists.
/// </summary>
public sealed class StoreSubscription : IDisposable
{
    // Not declared single-reader: only the multi-reader unbounded channel can report its Count.
    private readonly Channel<StoreEvent> _channel = Channel.CreateUnbounded<StoreEvent>();

    private readonly ObjectStore _store;
    private readonly int _maxBacklog;
    private int _disposed;

    internal StoreSubscription(ObjectStore store, GroupResource? resource, IReadOnlyList<StoreEvent> initial, long startVersion, int maxBacklog)
    {
        _store = store;
        Resource = resource;
        Initial = initial;
        StartVersion = startVersion;
        _maxBacklog = maxBacklog;
    }

    /// <summary>The watched resource, or null for a subscription to every resource.</summary>
    public GroupResource? Resource { get; }

    public IReadOnlyList<StoreEvent> Initial { get; }

    /// <summary>The store's resourceVersion when the subscription started.</summary>
    public long StartVersion { get; }

    public ChannelReader<StoreEvent> Events => _channel.Reader;

    /// <summary>True when the subscription was closed because the reader fell behind.</summary>
    public bool Overflowed { get; private set; }

    internal int Pending => _channel.Reader.Count;

    /// <summary>Called under the store's write lock.</summary>
    internal void Offer(StoreEvent e)
    {
        if (Overflowed)
        {
            return;
        }

        if (_channel.Reader.Count >= _maxBacklog)
        {
            Overflowed = true;
            _channel.Writer.TryComplete();
            return;
        }

        _channel.Writer.TryWrite(e);
    }

    internal void Complete() => _channel.Writer.TryComplete();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _store.Unsubscribe(this);
            _channel.Writer.TryComplete();
        }
    }
}
