using System.ComponentModel;
using SovereignOps.Api.Crds;

namespace SovereignOps.Api.V1Alpha1;

/// <summary>What every status carries, per the Kubernetes API conventions.</summary>
public interface IResourceStatus
{
    long? ObservedGeneration { get; set; }

    List<Condition> Conditions { get; set; }
}

/// <summary>A reference to another object by name.</summary>
public sealed class ObjectReference
{
    [Required]
    [Pattern(ApiGroup.DnsLabelPattern)]
    [Length(1, 63)]
    [Description("Name of the referenced object.")]
    public string Name { get; set; } = string.Empty;
}

/// <summary>
/// A condition in the shape of metav1.Condition. Kept as our own type so the CRD schema is generated
/// from the same attributes as every other field.
/// </summary>
public sealed class Condition
{
    [Required]
    [Pattern("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$")]
    [Length(1, 316)]
    [Description("Type of condition in CamelCase, for example Ready.")]
    public string Type { get; set; } = string.Empty;

    [Required]
    [OneOf("True", "False", "Unknown")]
    [Description("Status of the condition: True, False or Unknown.")]
    public string Status { get; set; } = "Unknown";

    [Minimum(0)]
    [Description("The metadata.generation the condition was set for.")]
    public long? ObservedGeneration { get; set; }

    [Required]
    [Description("When the condition last changed status (RFC 3339).")]
    public DateTime LastTransitionTime { get; set; }

    [Required]
    [Pattern("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$")]
    [Length(1, 1024)]
    [Description("Machine-readable CamelCase reason for the last transition.")]
    public string Reason { get; set; } = string.Empty;

    [Required]
    [Length(0, 32768)]
    [Description("Human-readable message with details about the transition.")]
    public string Message { get; set; } = string.Empty;
}

/// <summary>A node taint toleration, as in a pod spec.</summary>
public sealed class Toleration
{
    [Description("Taint key the toleration applies to; empty with operator Exists matches every taint.")]
    public string? Key { get; set; }

    [OneOf("Exists", "Equal")]
    [Default("Equal")]
    [Description("Exists or Equal (default Equal).")]
    public string? Operator { get; set; }

    [Description("Taint value the toleration matches when the operator is Equal.")]
    public string? Value { get; set; }

    [OneOf("NoSchedule", "PreferNoSchedule", "NoExecute")]
    [Description("Taint effect to match; empty matches every effect.")]
    public string? Effect { get; set; }

    [Minimum(0)]
    [Description("For NoExecute taints: how long a pod stays bound after the taint appears.")]
    public long? TolerationSeconds { get; set; }
}

/// <summary>A container image reference.</summary>
public sealed class ImageReference
{
    [Required]
    [Pattern("^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*$")]
    [Length(1, 255)]
    [Description("Repository, with or without a registry host, e.g. vendor/triage-agent. It is rewritten to the profile's in-country registry mirror.")]
    public string Repository { get; set; } = string.Empty;

    [Pattern("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    [Description("Image tag.")]
    public string? Tag { get; set; }

    [Pattern("^sha256:[a-f0-9]{64}$")]
    [Description("Image digest (sha256:...); takes precedence over the tag when set.")]
    public string? Digest { get; set; }
}
