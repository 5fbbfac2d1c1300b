namespace SovereignOps.Sandbox.Storage;

public enum StoreEventType
{
    Added,
    Modified,
    Deleted,
}

/// <summary>A committed change. <see cref="Previous"/> lets a filtered watch see an object leave its selector.</summary>
public sealed record StoreEvent(StoreEventType Type, StoredObject Object, StoredObject? Previous)
{
    public long ResourceVersion => Object.ResourceVersion;
}
