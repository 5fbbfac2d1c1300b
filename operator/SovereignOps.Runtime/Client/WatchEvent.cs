using k8s.Models;

namespace SovereignOps.Runtime.Client;

public enum WatchEventKind
{
    Added,
    Modified,
    Deleted,
    Bookmark,
    Error,
}

/// <summary>
/// One line of a watch stream. <see cref="Object"/> is set for every kind but <see cref="WatchEventKind.Error"/>,
/// which carries the server's <see cref="Status"/> (a 410 there means the watch's version expired).
/// </summary>
public sealed record WatchEvent<T>(WatchEventKind Kind, T? Object, V1Status? Status);
