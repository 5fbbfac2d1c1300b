namespace SovereignOps.Runtime.Finalizers;

/// <summary>Where the finalizer protocol stands for one object, and whether the reconcile may go on.</summary>
public enum FinalizerStep
{
    /// <summary>The finalizer is in place and the object is live: reconcile as usual.</summary>
    Continue,

    /// <summary>The finalizer was just added and is stored: side effects may follow.</summary>
    Added,

    /// <summary>The object is being deleted, cleanup succeeded and the finalizer was removed.</summary>
    Finalized,

    /// <summary>The object is being deleted and this finalizer is not (or no longer) on it: nothing to do.</summary>
    NotOurs,
}
