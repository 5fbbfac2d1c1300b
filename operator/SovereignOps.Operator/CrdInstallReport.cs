namespace SovereignOps.Operator;

/// <summary>What happened to one CRD at start.</summary>
public enum CrdOutcome
{
    Created,
    Updated,
    Unchanged,

    /// <summary>A newer operator's CRD was found and left in place; this build can still read it.</summary>
    KeptNewer,

    /// <summary>Verify policy: installed, established and readable.</summary>
    Verified,

    /// <summary>Stored objects this build cannot read, or a missing CRD under the verify policy: the operator must not run.</summary>
    Refused,

    /// <summary>The API server refused the apply or did not answer.</summary>
    Failed,
}

public sealed record CrdInstallResult(string Name, CrdOutcome Outcome, string Message)
{
    public bool Succeeded => Outcome is not (CrdOutcome.Refused or CrdOutcome.Failed);

    public override string ToString() => $"{Name}: {Outcome}: {Message}";
}

/// <summary>One line per CRD; the operator starts only when every CRD succeeded.</summary>
public sealed record CrdInstallReport(IReadOnlyList<CrdInstallResult> Results)
{
    public bool Succeeded => Results.All(r => r.Succeeded);

    public IReadOnlyList<string> Failures => [.. Results.Where(r => !r.Succeeded).Select(r => r.ToString())];
}
