namespace SovereignOps.Sandbox.Storage;

public enum CommitOutcome
{
    Committed,
    NotFound,
    AlreadyExists,

    /// <summary>The object changed since the version the write was based on.</summary>
    Conflict,
}

/// <summary>The outcome of a storage write; <see cref="Object"/> is the committed object when it succeeded.</summary>
public readonly record struct CommitResult(CommitOutcome Outcome, StoredObject? Object)
{
    public bool Succeeded => Outcome == CommitOutcome.Committed;
}
