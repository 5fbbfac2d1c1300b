using SovereignOps.Api.Validation;
using SovereignOps.Planning;
using SovereignOps.Planning.Guard;

namespace SovereignOps.Rendering.Pipeline;

/// <summary>The stage a pipeline run stopped at.</summary>
public enum PipelineStage
{
    /// <summary>The bundle broke a semantic rule.</summary>
    Validation,

    /// <summary>A model does not fit, an agent has no model, or a plan-time residency check failed.</summary>
    Plan,

    /// <summary>A chart render failed, or two charts rendered the same object.</summary>
    Render,

    /// <summary>A rendered object breaks a residency invariant.</summary>
    Guard,
}

/// <summary>A chart render that produced no objects, and what it was rendering.</summary>
public sealed record RenderFailure(string Subject, RenderError Error)
{
    public override string ToString() => $"{Subject}: {Error.Message}";
}

/// <summary>
/// What a pipeline run produced: the manifests when every stage passed, otherwise the stage it
/// stopped at and every reason found there. Manifests are never partial: a run that fails anywhere
/// has none, so a caller cannot apply or write half a stack.
/// </summary>
public sealed record PipelineResult
{
    public PipelineStage? FailedStage { get; init; }

    public IReadOnlyList<ValidationError> ValidationErrors { get; init; } = [];

    /// <summary>The plan, once validation passed (also when a later stage failed).</summary>
    public BundlePlan? Plan { get; init; }

    public IReadOnlyList<RenderFailure> RenderFailures { get; init; } = [];

    public IReadOnlyList<Violation> Violations { get; init; } = [];

    /// <summary>One manifest per profile, by profile name; empty unless the run succeeded.</summary>
    public IReadOnlyList<ProfileManifest> Manifests { get; init; } = [];

    public bool Succeeded => FailedStage is null;

    /// <summary>Every reason the run failed, one line each.</summary>
    public IEnumerable<string> Reasons() => FailedStage switch
    {
        PipelineStage.Validation => ValidationErrors.Select(e => e.ToString()),
        PipelineStage.Plan => Plan!.Problems.Select(p => p.ToString()).Concat(Plan.Residency.Select(v => v.ToString())),
        PipelineStage.Render => RenderFailures.Select(f => f.ToString()),
        PipelineStage.Guard => Violations.Select(v => v.ToString()),
        _ => [],
    };
}
