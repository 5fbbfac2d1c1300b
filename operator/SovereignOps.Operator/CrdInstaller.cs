using k8s;
using k8s.Models;
using SovereignOps.Api.Crds;
using SovereignOps.Runtime;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Operator;

/// <summary>Server-side applies the operator's own CRDs so that a fresh cluster needs no separate install step.</summary>
public static class CrdInstaller
{
    public static async Task<IReadOnlyList<string>> ApplyAsync(KubeApi api, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var type = ResourceType.For<V1CustomResourceDefinition>();
        foreach (var crd in CrdGenerator.GenerateAll())
        {
            crd.ApiVersion = "apiextensions.k8s.io/v1";
            crd.Kind = "CustomResourceDefinition";
            var body = KubernetesJson.Serialize(crd);
            var options = new PatchOptions { FieldManager = "sovereignops-operator", Force = true };
            var result = await api.PatchAsync(type, ResourceKey.Cluster(crd.Metadata.Name), PatchType.Apply, body, options, cancellationToken);
            if (!result.IsSuccess)
            {
                failures.Add($"{crd.Metadata.Name}: {result.Error}");
            }
        }

        return failures;
    }
}
