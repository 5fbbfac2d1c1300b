using k8s.Models;
using SovereignOps.Api.Crds;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Cli.Commands;

/// <summary>The kinds sovereignctl writes to a cluster: the five custom resources and the bundle's Namespaces.</summary>
public static class KubeKinds
{
    private static readonly ResourceType[] Applied =
    [
        ResourceType.For<V1Namespace>(),
        .. CrdGenerator.ResourceTypes.Select(ResourceType.ForType),
    ];

    /// <summary>Apply order: namespaces first (the tenant objects live in them), then the custom resources as the CRDs list them.</summary>
    public static int Rank(ResourceType type) => Array.IndexOf(Applied, type);

    public static ResourceType? Find(string apiVersion, string kind) =>
        Applied.FirstOrDefault(t => t.ApiVersion == apiVersion && t.Kind == kind);
}
