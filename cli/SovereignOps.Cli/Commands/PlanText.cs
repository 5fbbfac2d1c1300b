using System.Globalization;
using SovereignOps.Planning;
using SovereignOps.Planning.Capacity;

namespace SovereignOps.Cli.Commands;

/// <summary>The plan as a report a sales engineer can show: per profile its models and agents, then the pools and the verdict.</summary>
public static class PlanText
{
    public static void Write(TextWriter writer, BundlePlan plan)
    {
        foreach (var profile in plan.Profiles)
        {
            WriteProfile(writer, profile);
        }

        WritePools(writer, plan.Capacity);
        WriteVerdict(writer, plan);
    }

    private static void WriteProfile(TextWriter writer, ProfilePlan profile)
    {
        var spec = profile.Profile.Spec;
        writer.WriteLine($"profile {profile.Name}: {spec.Customer} ({spec.Country}), namespace {spec.TenantNamespace}, policy {profile.Policy.Metadata.Name}");
        writer.WriteLine();

        var models = new TextTable("MODEL", "POOL", "GPUS/REPLICA", "LAYOUT", "REPLICAS", "WEIGHTS", "KV CACHE", "HEADROOM", "TOTAL", "POOL BEFORE -> AFTER", "REGIONS");
        foreach (var model in profile.Models)
        {
            var capacity = model.Capacity;
            var memory = capacity.Memory;
            var layout = capacity.Layout;
            models.Add(
                capacity.Model.Metadata.Name + (memory.Shape.Estimated ? "*" : string.Empty),
                capacity.PoolName ?? "-",
                layout?.DescribeDevices() ?? "-",
                layout?.Describe() ?? "does not fit",
                capacity.Replicas.ToString(CultureInfo.InvariantCulture),
                Gib(memory.WeightsGiB),
                Gib(memory.KvCacheGiB),
                Gib(memory.HeadroomGiB),
                Gib(memory.TotalGiB),
                Usage(capacity),
                model.Placement?.Placement is { } placement ? string.Join(",", placement.Regions) : "-");
        }

        models.WriteTo(writer);
        foreach (var estimated in profile.Models.Where(m => m.Capacity.Memory.Shape.Estimated))
        {
            var shape = estimated.Capacity.Memory.Shape;
            writer.WriteLine($"* {estimated.Model.Metadata.Name}: no spec.architecture; KV cache estimated with {shape.Layers} layers, {shape.KvHeads} KV heads, head dim {shape.HeadDim} ({shape.Basis})");
        }

        writer.WriteLine();
        if (profile.Agents.Count > 0)
        {
            var agents = new TextTable("AGENT", "CATALOG", "MODEL", "PLACEMENT");
            foreach (var agent in profile.Agents)
            {
                agents.Add(
                    agent.Entry.Name,
                    agent.Catalog.Metadata.Name ?? string.Empty,
                    agent.Binding.Model?.Model.Metadata.Name ?? "none: " + agent.Binding.Problem,
                    agent.Placement.Placement is { } placement
                        ? (placement.Pool is { } pool ? $"pool {pool}" : string.Join(",", placement.Regions))
                        : "none: " + agent.Placement.Problem);
            }

            agents.WriteTo(writer);
            writer.WriteLine();
        }
    }

    private static void WritePools(TextWriter writer, CapacityPlan capacity)
    {
        var pools = new TextTable("POOL", "REGION", "GPU", "CAPACITY FROM", "RESOURCE", "CAPACITY", "ALLOCATED", "FREE");
        foreach (var pool in capacity.Pools)
        {
            var spec = pool.Pool.Spec;
            var source = pool.Source == CapacitySource.Nodes ? Count(pool.Nodes, "node") : $"spec ({Count(pool.Nodes, "node")})";
            foreach (var resource in pool.Usage.Resources.Where((r, i) => i == 0 || r.Capacity > 0))
            {
                pools.Add(pool.Name, spec.Region, $"{spec.Gpu.Model} {spec.Gpu.Interconnect}", source, resource.Resource,
                    $"{resource.Capacity} {resource.Unit}", Int(resource.Allocated), Int(resource.Free));
            }
        }

        pools.WriteTo(writer);
        writer.WriteLine();
    }

    private static void WriteVerdict(TextWriter writer, BundlePlan plan)
    {
        if (plan.Residency.Count == 0)
        {
            writer.WriteLine("residency: compliant (plan-time checks; render checks every rendered object as well)");
        }
        else
        {
            writer.WriteLine($"residency: {Count(plan.Residency.Count, "violation")}");
            foreach (var violation in plan.Residency)
            {
                writer.WriteLine($"  {violation}");
            }
        }

        foreach (var problem in plan.Problems)
        {
            writer.WriteLine($"problem: {problem}");
        }

        var unfit = plan.Capacity.Models.Count(m => !m.Fits);
        writer.WriteLine(plan.Succeeded
            ? $"verdict: OK, {Count(plan.Capacity.Models.Count, "model")} fit their pools and the plan is residency compliant"
            : $"verdict: FAILED ({Count(unfit, "model")} not fitting, {Count(plan.Problems.Count, "problem")}, {Count(plan.Residency.Count, "residency violation")})");
    }

    private static string Usage(ModelPlan model)
    {
        if (!model.Fits || model.Layout is not { } layout
            || model.Before?.Find(layout.ResourceName) is not { } before || model.After?.Find(layout.ResourceName) is not { } after)
        {
            return "-";
        }

        return $"{before.Allocated}/{before.Capacity} -> {after.Allocated}/{after.Capacity} {after.Unit}";
    }

    private static string Gib(double value) => Planning.Capacity.Gib.Format(value);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
