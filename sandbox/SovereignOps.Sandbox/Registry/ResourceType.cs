using System.Collections.Immutable;

namespace SovereignOps.Sandbox.Registry;

/// <summary>
/// One served resource: a (group, version, plural) the server answers for, with everything discovery,
/// routing and the write semantics need to know about it. Built-in kinds come from
/// <see cref="BuiltInResources"/>; custom resources are added when their CRD is established.
/// </summary>
public sealed record ResourceType
{
    public required string Group { get; init; }

    public required string Version { get; init; }

    /// <summary>The plural resource name used in URLs, e.g. <c>deployments</c>.</summary>
    public required string Plural { get; init; }

    public required string Kind { get; init; }

    public required bool Namespaced { get; init; }

    public string Singular { get; init; } = "";

    public ImmutableArray<string> ShortNames { get; init; } = [];

    public ImmutableArray<string> Categories { get; init; } = [];

    public ImmutableArray<string> Verbs { get; init; } = AllVerbs;

    /// <summary>A <c>/status</c> subresource exists: the main endpoint ignores status, <c>/status</c> accepts only status.</summary>
    public bool HasStatus { get; init; }

    /// <summary>A <c>/scale</c> subresource exists (spec.replicas / status.replicas).</summary>
    public bool HasScale => Scale is not null;

    /// <summary>Where the scale subresource reads and writes replicas, when the resource has one.</summary>
    public ScalePaths? Scale { get; init; }

    /// <summary>metadata.generation is kept and bumped when anything outside metadata and status changes.</summary>
    public bool TracksGeneration { get; init; }

    /// <summary>Whatever status a create request carries is dropped (controllers own status).</summary>
    public bool ResetsStatusOnCreate { get; init; }

    /// <summary>An update without metadata.resourceVersion is refused (custom resources behave so).</summary>
    public bool RequiresResourceVersionOnUpdate { get; init; }

    /// <summary>Field paths (besides metadata.name/namespace) that field selectors accept.</summary>
    public ImmutableArray<string> SelectableFields { get; init; } = [];

    /// <summary>Present for custom resources: the schema and presentation taken from the CRD.</summary>
    public CustomResourceInfo? Custom { get; init; }

    /// <summary>The storage version served for this group and resource (objects are shared across versions).</summary>
    public bool IsStorageVersion { get; init; } = true;

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    public GroupResource GroupResource => new(Group, Plural);

    public string SingularOrLowerKind => Singular.Length > 0 ? Singular : Kind.ToLowerInvariant();

    public bool IsCustom => Custom is not null;

    public static readonly ImmutableArray<string> AllVerbs =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public override string ToString() => $"{Plural}.{Version}.{Group}";
}

/// <summary>
/// The fields behind a /scale subresource, as dotted paths. The selector is either a label-selector string
/// (custom resources) or, when <see cref="SelectorIsLabelSelector"/>, a metav1.LabelSelector object.
/// </summary>
public sealed record ScalePaths(string SpecReplicas, string StatusReplicas, string? Selector, bool SelectorIsLabelSelector)
{
    public static readonly ScalePaths Workload = new("spec.replicas", "status.replicas", "spec.selector", true);
}

/// <summary>Identifies stored objects independent of the version they are served in.</summary>
public readonly record struct GroupResource(string Group, string Resource)
{
    public override string ToString() => Group.Length == 0 ? Resource : $"{Resource}.{Group}";
}
