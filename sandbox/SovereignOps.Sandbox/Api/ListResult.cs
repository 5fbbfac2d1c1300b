using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Api;

/// <summary>One page of a list: the items, the store version it reflects and the token for the next page.</summary>
public sealed record ListResult(IReadOnlyList<StoredObject> Items, long ResourceVersion, string? Continue, long? RemainingItemCount);

public enum DeleteOutcome
{
    /// <summary>The object is gone.</summary>
    Deleted,

    /// <summary>The object carries a deletionTimestamp and waits for its finalizers.</summary>
    Pending,
}

public sealed record DeleteResult(DeleteOutcome Outcome, StoredObject Object);
