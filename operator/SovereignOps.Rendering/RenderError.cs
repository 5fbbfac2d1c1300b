namespace SovereignOps.Rendering;

public enum RenderErrorKind
{
    /// <summary>The helm binary could not be found or started.</summary>
    HelmNotFound,

    /// <summary>The chart directory does not exist or has no Chart.yaml.</summary>
    ChartNotFound,

    /// <summary>helm exited with a non-zero code: a schema violation, a template error or a failed check.</summary>
    HelmFailed,

    /// <summary>helm did not finish within the configured timeout and was stopped.</summary>
    TimedOut,

    /// <summary>The chart rendered a kind the operator does not manage.</summary>
    UnknownKind,

    /// <summary>A rendered object does not match its Kubernetes model: an unknown field, a wrong type, broken YAML.</summary>
    InvalidObject,
}

/// <summary>
/// Why a render produced no objects. For object-level problems it names the object, the template
/// it came from and the field, so a chart typo can be fixed without reading helm output.
/// </summary>
public sealed record RenderError
{
    public required RenderErrorKind Kind { get; init; }

    /// <summary>The complete explanation, ready for a log line or a status condition.</summary>
    public required string Message { get; init; }

    /// <summary>Chart directory of the failed render.</summary>
    public required string Chart { get; init; }

    /// <summary>Kind of the offending object, when the problem is one object.</summary>
    public string? ObjectKind { get; init; }

    /// <summary>Name of the offending object, when known.</summary>
    public string? ObjectName { get; init; }

    /// <summary>Template that produced the offending object, from helm's <c># Source:</c> comment.</summary>
    public string? SourceTemplate { get; init; }

    /// <summary>Path of the offending field inside the object, e.g. <c>spec.template.spec.containers[0].imagez</c>.</summary>
    public string? FieldPath { get; init; }

    public override string ToString() => Message;
}
