using SovereignOps.Runtime.Client;

namespace SovereignOps.Runtime.Informers;

/// <summary>What an informer watches and how it paces itself.</summary>
public sealed record InformerOptions
{
    /// <summary>The kind; defaults to the one the model type declares.</summary>
    public ResourceType? Type { get; init; }

    /// <summary>Namespaces to watch, one list/watch each; empty watches all namespaces. Ignored for cluster-scoped kinds.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Only objects matching this label selector are cached.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Page size of the initial list and of every re-list.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>
    /// Each watch asks the server to close it after a random time between this and twice this, so
    /// the watches of many informers do not all reconnect at once.
    /// </summary>
    public TimeSpan MinWatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public ReconnectBackoff Backoff { get; init; } = ReconnectBackoff.Default;
}
