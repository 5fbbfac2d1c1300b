namespace SovereignOps.Runtime.Apply;

public enum ApplyOutcome
{
    /// <summary>The live object already held everything the apply would set: no request was made.</summary>
    Unchanged,

    /// <summary>A server-side apply was sent and accepted.</summary>
    Applied,
}
