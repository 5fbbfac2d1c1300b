using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Http;

/// <summary>
/// Decides what a filtered watch sees of a change: an object entering the selection is ADDED, one
/// leaving it is DELETED, one staying is MODIFIED, and changes outside the selection are not sent.
/// </summary>
internal sealed class WatchFilter(string? ns, ListOptions options)
{
    public string? Translate(StoreEvent e)
    {
        var now = Matches(e.Object);
        var before = e.Previous is not null && Matches(e.Previous);
        return e.Type switch
        {
            StoreEventType.Added => now ? "ADDED" : null,
            StoreEventType.Deleted => before || (e.Previous is null && now) ? "DELETED" : null,
            _ when now && before => "MODIFIED",
            _ when now => "ADDED",
            _ when before => "DELETED",
            _ => null,
        };
    }

    private bool Matches(StoredObject obj) =>
        (ns is null || obj.Namespace == ns) && options.LabelSelector.Matches(obj.Labels) && options.FieldSelector.Matches(obj);
}
