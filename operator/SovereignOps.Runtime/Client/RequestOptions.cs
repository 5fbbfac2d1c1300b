namespace SovereignOps.Runtime.Client;

/// <summary>One page of a list: scope, selectors and paging.</summary>
public sealed record ListRequest
{
    /// <summary>The namespace to list, or null for all namespaces (and for cluster-scoped kinds).</summary>
    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Largest page the server should return; it answers with a continue token when there is more.</summary>
    public int? Limit { get; init; }

    public string? Continue { get; init; }

    /// <summary>Unset for a consistent read of the latest state; "0" accepts any cached version.</summary>
    public string? ResourceVersion { get; init; }
}

/// <summary>A watch from a known resourceVersion. Bookmarks are always requested and the timeout is always set.</summary>
public sealed record WatchRequest
{
    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    public required string ResourceVersion { get; init; }

    /// <summary>The server closes the watch after this long; the informer then resumes from its last version.</summary>
    public required int TimeoutSeconds { get; init; }
}

/// <summary>Query parameters of a PATCH.</summary>
public sealed record PatchOptions
{
    public string? FieldManager { get; init; }

    /// <summary>Server-side apply only: take over fields another manager owns instead of failing with 409.</summary>
    public bool Force { get; init; }

    /// <summary>For example <c>status</c>: the write then touches nothing but the subresource.</summary>
    public string? Subresource { get; init; }

    /// <summary>Server-side dry run (<c>dryRun=All</c>): admission, defaulting and apply run, nothing is stored.</summary>
    public bool DryRun { get; init; }
}

/// <summary>Preconditions and propagation of a DELETE.</summary>
public sealed record DeleteOptions
{
    /// <summary>Delete only the object with this uid, not a namesake created since it was read.</summary>
    public string? Uid { get; init; }

    public string? ResourceVersion { get; init; }

    /// <summary>Background lets the garbage collector remove dependents after the object is gone.</summary>
    public string PropagationPolicy { get; init; } = "Background";
}
