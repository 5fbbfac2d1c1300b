using k8s.Models;
using SovereignOps.Api.Crds;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Bundles;

/// <summary>
/// A kind a bundle may hold: the five SovereignOps custom resources, validated against their generated
/// CRD schemas, and the v1 Namespace and Node objects that tenant namespaces and simulated GPU nodes are
/// written as.
/// </summary>
public sealed record SupportedKind(string ApiVersion, string Kind, Type ClrType, bool Namespaced)
{
    private static readonly Lazy<IReadOnlyDictionary<string, V1JSONSchemaProps>> Schemas = new(() =>
        CrdGenerator.GenerateAll().ToDictionary(crd => crd.Spec.Names.Kind, crd => crd.Spec.Versions[0].Schema.OpenAPIV3Schema, StringComparer.Ordinal));

    public static IReadOnlyList<SupportedKind> All { get; } =
    [
        new(ApiGroup.ApiVersion, DataResidencyPolicy.KindName, typeof(DataResidencyPolicy), Namespaced: false),
        new(ApiGroup.ApiVersion, SovereignProfile.KindName, typeof(SovereignProfile), Namespaced: false),
        new(ApiGroup.ApiVersion, GpuPool.KindName, typeof(GpuPool), Namespaced: false),
        new(ApiGroup.ApiVersion, ModelDeployment.KindName, typeof(ModelDeployment), Namespaced: true),
        new(ApiGroup.ApiVersion, AgentCatalog.KindName, typeof(AgentCatalog), Namespaced: true),
        new("v1", V1Namespace.KubeKind, typeof(V1Namespace), Namespaced: false),
        new("v1", V1Node.KubeKind, typeof(V1Node), Namespaced: false),
    ];

    /// <summary>The CRD's openAPIV3Schema for the custom resources; null for the built-in v1 kinds.</summary>
    public V1JSONSchemaProps? Schema => Schemas.Value.GetValueOrDefault(Kind);

    /// <summary>Node names are DNS subdomains; every other name here is referenced by DNS-label fields.</summary>
    public int MaxNameLength => ClrType == typeof(V1Node) ? 253 : 63;

    public static SupportedKind? Find(string? kind) => All.FirstOrDefault(k => k.Kind == kind);

    /// <summary>The supported kinds in words, for messages: <c>DataResidencyPolicy, … (sovereignops.io/v1alpha1), Namespace, Node (v1)</c>.</summary>
    public static string Describe() =>
        string.Join("; ", All.GroupBy(k => k.ApiVersion).Select(g => $"{string.Join(", ", g.Select(k => k.Kind))} ({g.Key})"));
}
