namespace SovereignOps.Runtime.Informers;

public enum InformerEventType
{
    Added,
    Updated,
    Deleted,

    /// <summary>A list or watch failed. The informer retries by itself; subscribers may log or report it.</summary>
    WatchError,
}

/// <summary>
/// A change the informer applied to its cache, or a failure it hit. Controllers turn changes into
/// keys; reconcilers never see these.
/// </summary>
public sealed record InformerEvent<T>(InformerEventType Type, T? Object, T? Previous = default, string? Error = null)
    where T : class;
