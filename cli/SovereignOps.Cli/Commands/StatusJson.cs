using System.Text.Json;

namespace SovereignOps.Cli.Commands;

/// <summary>The status as one JSON document for machines: every Ready condition, figure and agent entry.</summary>
public static class StatusJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static void Write(TextWriter writer, IReadOnlyList<ProfileStatus> profiles) =>
        writer.WriteLine(JsonSerializer.Serialize(Document(profiles), Options));

    public static object Document(IReadOnlyList<ProfileStatus> profiles) => new
    {
        ready = profiles.All(p => p.AllReady),
        profiles = profiles.Select(p => new
        {
            name = p.Name,
            country = p.Profile.Spec.Country,
            customer = p.Profile.Spec.Customer,
            tenantNamespace = p.Profile.Spec.TenantNamespace,
            ready = Ready(p.Ready),
            policy = new { name = p.Policy?.Metadata.Name ?? p.Profile.Spec.ResidencyPolicyRef.Name, ready = Ready(p.PolicyReady) },
            pools = p.Pools.Select(pool => new
            {
                name = pool.Pool.Metadata.Name,
                gpu = pool.Pool.Spec.Gpu.Model,
                region = pool.Pool.Spec.Region,
                capacityGpus = pool.Pool.Status?.CapacityGpus,
                allocatedGpus = pool.Pool.Status?.AllocatedGpus,
                freeGpus = pool.Pool.Status?.FreeGpus,
                ready = Ready(pool.Ready),
            }),
            models = p.Models.Select(model => new
            {
                name = model.Model.Metadata.Name,
                @namespace = model.Model.Metadata.NamespaceProperty,
                pool = model.Model.Status?.Pool ?? model.Model.Spec.GpuPoolRef?.Name,
                replicas = model.Model.Status?.Replicas ?? model.Model.Spec.Replicas,
                readyReplicas = model.Model.Status?.ReadyReplicas ?? 0,
                gpusPerReplica = model.Model.Status?.GpusPerReplica,
                gpuResource = model.Model.Status?.GpuResource,
                regions = model.Model.Status?.Placement?.Regions ?? [],
                ready = Ready(model.Ready),
            }),
            agents = p.Catalogs.Select(catalog => new
            {
                catalog = catalog.Catalog.Metadata.Name,
                total = catalog.Catalog.Status?.Total,
                deployed = catalog.Catalog.Status?.Deployed,
                ready = Ready(catalog.Ready),
                entries = (catalog.Catalog.Status?.Agents ?? []).Select(e => new { name = e.Name, state = e.State, model = e.Model, message = e.Message }),
            }),
        }),
    };

    private static object Ready(Readiness ready) => new { status = ready.Status, reason = ready.Reason, message = ready.Message };
}
