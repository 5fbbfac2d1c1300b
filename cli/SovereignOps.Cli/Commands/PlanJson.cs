using System.Text.Json;
using SovereignOps.Planning;
using SovereignOps.Planning.Capacity;
using SovereignOps.Planning.Guard;

namespace SovereignOps.Cli.Commands;

/// <summary>The plan as one JSON document: figures in GiB to one decimal, every list in plan order.</summary>
public static class PlanJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Write(TextWriter writer, BundlePlan plan) => writer.WriteLine(JsonSerializer.Serialize(Document(plan), Options));

    public static object Document(BundlePlan plan) => new
    {
        succeeded = plan.Succeeded,
        profiles = plan.Profiles.Select(profile => new
        {
            name = profile.Name,
            country = profile.Profile.Spec.Country,
            customer = profile.Profile.Spec.Customer,
            tenantNamespace = profile.Profile.Spec.TenantNamespace,
            policy = profile.Policy.Metadata.Name,
            models = profile.Models.Select(Model),
            agents = profile.Agents.Select(agent => new
            {
                catalog = agent.Catalog.Metadata.Name,
                name = agent.Entry.Name,
                model = agent.Binding.Model?.Key,
                problem = agent.Binding.Problem ?? agent.Placement.Problem,
                regions = agent.Placement.Placement?.Regions,
                pool = agent.Placement.Placement?.Pool,
            }),
        }),
        pools = plan.Capacity.Pools.Select(pool => new
        {
            name = pool.Name,
            region = pool.Pool.Spec.Region,
            gpu = pool.Pool.Spec.Gpu.Model,
            capacityFrom = pool.Source == CapacitySource.Nodes ? "nodes" : "spec",
            nodes = pool.Nodes,
            resources = pool.Usage.Resources.Select(Usage),
            allocations = pool.Allocations,
        }),
        problems = plan.Problems.Select(p => new { subject = p.Subject, message = p.Message }),
        residency = plan.Residency.Select(Violation),
    };

    private static object Model(PlannedModel planned)
    {
        var capacity = planned.Capacity;
        var memory = capacity.Memory;
        var layout = capacity.Layout;
        return new
        {
            name = capacity.Model.Metadata.Name,
            @namespace = capacity.Model.Metadata.NamespaceProperty,
            pool = capacity.PoolName,
            fits = capacity.Fits,
            problem = capacity.Problem,
            memory = new
            {
                weightsGiB = Round(memory.WeightsGiB),
                kvCacheGiB = Round(memory.KvCacheGiB),
                headroomGiB = Round(memory.HeadroomGiB),
                totalGiB = Round(memory.TotalGiB),
                architectureEstimated = memory.Shape.Estimated,
                architecture = new { layers = memory.Shape.Layers, kvHeads = memory.Shape.KvHeads, headDim = memory.Shape.HeadDim, basis = memory.Shape.Basis },
            },
            layout = layout is null ? null : new
            {
                description = layout.Describe(),
                devices = layout.DescribeDevices(),
                resource = layout.ResourceName,
                devicesPerReplica = layout.DevicesPerReplica,
                devicesPerNode = layout.DevicesPerNode,
                nodesPerReplica = layout.Nodes,
                tensorParallel = layout.TensorParallel,
                pipelineParallel = layout.PipelineParallel,
                migProfile = layout.MigProfile,
                workload = layout.Workload.ToString(),
            },
            replicas = capacity.Replicas,
            poolBefore = capacity.Before?.Resources.Select(Usage),
            poolAfter = capacity.After?.Resources.Select(Usage),
            regions = planned.Placement?.Placement?.Regions,
            zones = planned.Placement?.Placement?.Zones,
            placementProblem = planned.Placement?.Problem,
        };
    }

    private static object Usage(ResourceUsage usage) =>
        new { resource = usage.Resource, unit = usage.Unit, capacity = usage.Capacity, allocated = usage.Allocated, free = usage.Free };

    private static object Violation(Violation violation) => new
    {
        @object = new { kind = violation.Object.Kind, @namespace = violation.Object.Namespace, name = violation.Object.Name },
        fieldPath = violation.FieldPath,
        rule = violation.Rule,
        clause = violation.Clause,
        message = violation.Message,
    };

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
