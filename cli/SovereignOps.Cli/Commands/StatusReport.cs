using SovereignOps.Api.V1Alpha1;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Cli.Commands;

/// <summary>The Ready condition of one object as status shows it; Unknown when the operator has not written a status yet.</summary>
public sealed record Readiness(string Status, string Reason, string Message)
{
    public bool IsReady => Status == "True";

    public static Readiness Of(IResourceStatus? status)
    {
        var ready = status?.Conditions.Find(c => c.Type == "Ready");
        return ready is null
            ? new Readiness("Unknown", "NoStatus", "the operator has not reported on it yet")
            : new Readiness(ready.Status, ready.Reason, ready.Message);
    }
}

public sealed record PoolStatusLine(GpuPool Pool, Readiness Ready);

public sealed record ModelStatusLine(ModelDeployment Model, Readiness Ready);

public sealed record CatalogStatusLine(AgentCatalog Catalog, Readiness Ready);

/// <summary>One customer: its profile, policy, pools, models and agent catalogs.</summary>
public sealed record ProfileStatus(
    SovereignProfile Profile,
    Readiness Ready,
    DataResidencyPolicy? Policy,
    Readiness PolicyReady,
    IReadOnlyList<PoolStatusLine> Pools,
    IReadOnlyList<ModelStatusLine> Models,
    IReadOnlyList<CatalogStatusLine> Catalogs)
{
    public string Name => Profile.Metadata.Name ?? string.Empty;

    /// <summary>Everything in the tree is Ready.</summary>
    public bool AllReady =>
        Ready.IsReady && PolicyReady.IsReady
        && Pools.All(p => p.Ready.IsReady) && Models.All(m => m.Ready.IsReady) && Catalogs.All(c => c.Ready.IsReady);
}

/// <summary>Reads the custom resources from the cluster and groups them per profile.</summary>
public static class StatusReport
{
    public static async Task<ApiResult<IReadOnlyList<ProfileStatus>>> ReadAsync(KubeApi api, string? profileName, string? @namespace, CancellationToken cancellationToken)
    {
        var profiles = await KubeLists.AllAsync<SovereignProfile>(api, ResourceType.For<SovereignProfile>(), null, cancellationToken);
        var policies = await KubeLists.AllAsync<DataResidencyPolicy>(api, ResourceType.For<DataResidencyPolicy>(), null, cancellationToken);
        var pools = await KubeLists.AllAsync<GpuPool>(api, ResourceType.For<GpuPool>(), null, cancellationToken);
        var models = await KubeLists.AllAsync<ModelDeployment>(api, ResourceType.For<ModelDeployment>(), @namespace, cancellationToken);
        var catalogs = await KubeLists.AllAsync<AgentCatalog>(api, ResourceType.For<AgentCatalog>(), @namespace, cancellationToken);
        foreach (var error in new[] { profiles.Error, policies.Error, pools.Error, models.Error, catalogs.Error })
        {
            if (error is not null)
            {
                return error;
            }
        }

        var selected = profiles.Value
            .Where(p => profileName is null || p.Metadata.Name == profileName)
            .Where(p => @namespace is null || p.Spec.TenantNamespace == @namespace)
            .OrderBy(p => p.Metadata.Name, StringComparer.Ordinal);
        IReadOnlyList<ProfileStatus> report =
        [
            .. selected.Select(profile =>
            {
                var policy = policies.Value.Find(p => p.Metadata.Name == profile.Spec.ResidencyPolicyRef.Name);
                var tenant = profile.Spec.TenantNamespace;
                return new ProfileStatus(
                    profile,
                    Readiness.Of(profile.Status),
                    policy,
                    policy is null ? new Readiness("False", "PolicyNotFound", $"DataResidencyPolicy {profile.Spec.ResidencyPolicyRef.Name} does not exist") : Readiness.Of(policy.Status),
                    [.. pools.Value.Where(p => p.Spec.ProfileRef.Name == profile.Metadata.Name).OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).Select(p => new PoolStatusLine(p, Readiness.Of(p.Status)))],
                    [.. models.Value.Where(m => m.Metadata.NamespaceProperty == tenant).OrderBy(m => m.Metadata.Name, StringComparer.Ordinal).Select(m => new ModelStatusLine(m, Readiness.Of(m.Status)))],
                    [.. catalogs.Value.Where(c => c.Metadata.NamespaceProperty == tenant).OrderBy(c => c.Metadata.Name, StringComparer.Ordinal).Select(c => new CatalogStatusLine(c, Readiness.Of(c.Status)))]);
            }),
        ];
        return ApiResult.Success(report);
    }
}
