using System.Text.Json.Nodes;
using k8s.Models;
using SovereignOps.Api.Bundles;
using SovereignOps.Api.Crds;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Cli.Commands;

/// <summary>Everything the checks read from the cluster, read once up front.</summary>
public sealed record UpgradeCheckCluster(
    JsonObject Version,
    IReadOnlyList<V1CustomResourceDefinition> Crds,
    Bundle Bundle,
    IReadOnlyList<V1Deployment> OperatorDeployments,
    IReadOnlyList<V1PodDisruptionBudget> DisruptionBudgets,
    IReadOnlyList<V1Pod> Pods)
{
    /// <summary>The custom resources exactly as stored, for the field checks (typed reads drop unknown fields).</summary>
    public IReadOnlyList<KubeObject> RawCustomResources { get; init; } = [];

    public static async Task<ApiResult<UpgradeCheckCluster>> ReadAsync(KubeApi api, CancellationToken ct)
    {
        var version = await api.GetTextAsync("version", ct);
        if (!version.IsSuccess)
        {
            return version.Error;
        }

        var crds = await KubeLists.AllAsync<V1CustomResourceDefinition>(api, ResourceType.For<V1CustomResourceDefinition>(), null, ct);
        var nodes = await KubeLists.AllAsync<V1Node>(api, ResourceType.For<V1Node>(), null, ct);
        var operators = await KubeLists.AllAsync<V1Deployment>(api, ResourceType.For<V1Deployment>(), null, ct, "app.kubernetes.io/name=sovereign-operator");
        var budgets = await KubeLists.AllAsync<V1PodDisruptionBudget>(api, ResourceType.For<V1PodDisruptionBudget>(), null, ct);
        var pods = await KubeLists.AllAsync<V1Pod>(api, ResourceType.For<V1Pod>(), null, ct);
        foreach (var error in new[] { crds.Error, nodes.Error, operators.Error, budgets.Error, pods.Error })
        {
            if (error is not null)
            {
                return error;
            }
        }

        var bundle = new Bundle { Nodes = nodes.Value };
        var raw = new List<KubeObject>();
        var installed = crds.Value.Select(c => c.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        if (CrdGenerator.GenerateAll().All(crd => installed.Contains(crd.Metadata.Name)))
        {
            var read = await ReadCustomResourcesAsync(api, bundle, raw, ct);
            if (read is not null)
            {
                return read;
            }
        }

        return ApiResult.Success(new UpgradeCheckCluster(JsonNode.Parse(version.Value)!.AsObject(), crds.Value, bundle, operators.Value, budgets.Value, pods.Value)
        {
            RawCustomResources = raw,
        });
    }

    private static async Task<ApiError?> ReadCustomResourcesAsync(KubeApi api, Bundle bundle, List<KubeObject> raw, CancellationToken ct)
    {
        foreach (var type in CrdGenerator.ResourceTypes.Select(ResourceType.ForType))
        {
            var objects = await KubeLists.AllAsync<KubeObject>(api, type, null, ct);
            if (!objects.IsSuccess)
            {
                return objects.Error;
            }

            raw.AddRange(objects.Value);
        }

        var policies = await KubeLists.AllAsync<DataResidencyPolicy>(api, ResourceType.For<DataResidencyPolicy>(), null, ct);
        var profiles = await KubeLists.AllAsync<SovereignProfile>(api, ResourceType.For<SovereignProfile>(), null, ct);
        var pools = await KubeLists.AllAsync<GpuPool>(api, ResourceType.For<GpuPool>(), null, ct);
        var models = await KubeLists.AllAsync<ModelDeployment>(api, ResourceType.For<ModelDeployment>(), null, ct);
        var catalogs = await KubeLists.AllAsync<AgentCatalog>(api, ResourceType.For<AgentCatalog>(), null, ct);
        var error = new[] { policies.Error, profiles.Error, pools.Error, models.Error, catalogs.Error }.FirstOrDefault(e => e is not null);
        if (error is not null)
        {
            return error;
        }

        bundle.Policies.AddRange(policies.Value);
        bundle.Profiles.AddRange(profiles.Value);
        bundle.Pools.AddRange(pools.Value);
        bundle.Models.AddRange(models.Value);
        bundle.Catalogs.AddRange(catalogs.Value);
        return null;
    }
}
