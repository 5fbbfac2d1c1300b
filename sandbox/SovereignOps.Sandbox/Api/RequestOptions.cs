using SovereignOps.Sandbox.Selectors;

namespace SovereignOps.Sandbox.Api;

/// <summary>What the server does with fields the schema does not know (the fieldValidation parameter).</summary>
public enum FieldValidation
{
    Ignore,
    Warn,
    Strict,
}

/// <summary>Which part of an object a write addresses.</summary>
public enum Subresource
{
    Main,
    Status,
}

/// <summary>Options shared by create, update and patch.</summary>
public sealed record WriteOptions
{
    public static readonly WriteOptions Default = new();

    /// <summary>dryRun=All: run every check and return the result without storing it.</summary>
    public bool DryRun { get; init; }

    /// <summary>The field manager recorded in managedFields; required for apply.</summary>
    public string? FieldManager { get; init; }

    public FieldValidation FieldValidation { get; init; } = FieldValidation.Warn;

    /// <summary>Server-side apply: take ownership of conflicting fields instead of failing.</summary>
    public bool Force { get; init; }

    /// <summary>The caller's User-Agent; the default field manager derives from it.</summary>
    public string? UserAgent { get; init; }

    public string EffectiveManager =>
        FieldManager is { Length: > 0 } manager ? manager
        : UserAgent is { Length: > 0 } agent ? agent.Split('/')[0]
        : "unknown";
}

public enum PropagationPolicy
{
    Background,
    Foreground,
    Orphan,
}

public sealed record DeleteOptions
{
    public static readonly DeleteOptions Default = new();

    public PropagationPolicy? PropagationPolicy { get; init; }

    public string? PreconditionUid { get; init; }

    public string? PreconditionResourceVersion { get; init; }

    public bool DryRun { get; init; }

    /// <summary>gracePeriodSeconds: how long a running pod gets to stop; 0 removes it at once (force).</summary>
    public long? GracePeriodSeconds { get; init; }
}

public sealed record ListOptions
{
    public static readonly ListOptions Everything = new();

    public LabelSelector LabelSelector { get; init; } = LabelSelector.Everything;

    public FieldSelector FieldSelector { get; init; } = FieldSelector.Everything;

    /// <summary>Page size; 0 means no limit.</summary>
    public int Limit { get; init; }

    public string? Continue { get; init; }
}
