using System.Globalization;
using k8s.Models;
using SovereignOps.Planning;
using SovereignOps.Planning.Capacity;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering.Pipeline;

/// <summary>
/// The <c>sovereign-tenant</c> values of one profile: the namespace baseline, quotas sized to what
/// was planned, the owner groups and the storefront of approved agents.
/// </summary>
/// <remarks>
/// Accelerator quotas are exactly the planned units per resource, and 0 for every other GPU resource
/// of the profile's pools, so the tenant cannot take GPUs the planner did not give it. CPU and memory
/// quotas are the planned pods' requests plus 25 % for rolling updates; pods and claims are doubled
/// for the same reason. Only Admin and Operator groups are bound: the chart's owner role manages
/// models and agents, which a Viewer must not.
/// </remarks>
public static class TenantValuesBuilder
{
    private const decimal RolloutMargin = 1.25m;

    public static TenantChartValues Build(ProfilePlan profile, IReadOnlyList<AgentChartValues> agents)
    {
        var spec = profile.Profile.Spec;
        var models = profile.Models.Where(m => m.Capacity.Layout is not null).ToList();
        return new TenantChartValues
        {
            Namespace = spec.TenantNamespace,
            Labels = InventoryLabels.For(profile.Name, profile.Profile),
            Profile = new TenantProfileValues { Name = profile.Name, Country = spec.Country, Customer = spec.Customer },
            Quota = new TenantQuotaValues { Accelerators = Accelerators(profile, models), Compute = Compute(profile, models, agents) },
            Rbac = new TenantRbacValues
            {
                OwnerGroups = spec.OwnerGroups.Where(g => g.Role is "Admin" or "Operator").Select(g => g.Name).ToList(),
            },
            Storefront = new StorefrontValues
            {
                Agents = profile.Agents
                    .Where(a => a.Binding.Bound)
                    .OrderBy(a => a.Entry.Name, StringComparer.Ordinal)
                    .Select(a => new StorefrontAgentValues
                    {
                        Name = a.Entry.Name,
                        Catalog = a.Catalog.Metadata.Name!,
                        Vendor = a.Entry.Vendor,
                        Domain = LabelValue.Kebab(a.Entry.Domain),
                        Version = a.Entry.Version,
                        Endpoint = ChartNames.AgentEndpoint(a.Entry.Name, spec.TenantNamespace),
                        RiskTier = a.Entry.RiskTier.ToLowerInvariant(),
                        HumanReview = a.Entry.HumanReview,
                    })
                    .ToList(),
            },
        };
    }

    private static IReadOnlyDictionary<string, int> Accelerators(ProfilePlan profile, IReadOnlyList<PlannedModel> models)
    {
        var quota = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var pool in profile.Pools)
        {
            foreach (var resource in pool.Usage.Resources)
            {
                quota.TryAdd(resource.Resource, 0);
            }

            foreach (var partition in pool.Pool.Spec.Partitioning.MigProfiles)
            {
                quota.TryAdd(MigSlice.ResourcePrefix + partition.Profile, 0);
            }
        }

        foreach (var model in models)
        {
            var layout = model.Capacity.Layout!;
            quota[layout.ResourceName] = quota.GetValueOrDefault(layout.ResourceName) + (layout.DevicesPerReplica * model.Capacity.Replicas);
        }

        return quota;
    }

    private static ComputeQuotaValues Compute(ProfilePlan profile, IReadOnlyList<PlannedModel> models, IReadOnlyList<AgentChartValues> agents)
    {
        decimal cpu = 0, memory = 0, limits = 0, storage = 0;
        int pods = 0, claims = 0;
        foreach (var model in models)
        {
            var capacity = model.Capacity;
            var layout = capacity.Layout!;
            var sizing = ModelSizing.For(capacity.Memory, layout);
            var modelPods = capacity.Replicas * layout.Nodes;
            pods += modelPods;
            cpu += sizing.Cpu * modelPods;
            memory += sizing.MemoryGiB * modelPods;
            limits += sizing.MemoryGiB * modelPods;
            if (WeightsValuesBuilder.IsFetched(model.Model.Spec.Weights.Uri))
            {
                var workload = ModelValuesBuilder.WorkloadFor(layout, fetchedWeights: true, capacity.Replicas);
                var modelClaims = workload == Values.WorkloadKind.StatefulSet ? modelPods : 1;
                claims += modelClaims;
                storage += modelClaims * CacheGiB(model, profile);
            }
        }

        foreach (var agent in agents)
        {
            pods += agent.Replicas;
            cpu += agent.Replicas * Cores(agent.Resources.Requests.Cpu);
            memory += agent.Replicas * GiB(agent.Resources.Requests.Memory);
            limits += agent.Replicas * GiB(agent.Resources.Limits.Memory ?? agent.Resources.Requests.Memory);
        }

        return new ComputeQuotaValues
        {
            RequestsCpu = Whole(cpu * RolloutMargin),
            RequestsMemory = Whole(memory * RolloutMargin) + "Gi",
            LimitsMemory = Whole(limits * RolloutMargin) + "Gi",
            RequestsStorage = Whole(storage) + "Gi",
            PersistentVolumeClaims = claims * 2,
            Pods = pods * 2,
        };
    }

    private static decimal CacheGiB(PlannedModel model, ProfilePlan profile)
    {
        var size = model.Model.Spec.Weights.CacheSize;
        return size is null ? (decimal)Math.Ceiling(model.Capacity.Memory.WeightsGiB * WeightsValuesBuilder.CacheOverhead) : GiB(size.ToString());
    }

    private static decimal Cores(string? quantity) => quantity is null ? 0 : new ResourceQuantity(quantity).ToDecimal();

    private static decimal GiB(string? quantity) => quantity is null ? 0 : new ResourceQuantity(quantity).ToDecimal() / (1024m * 1024 * 1024);

    private static string Whole(decimal value) => Math.Ceiling(value).ToString(CultureInfo.InvariantCulture);
}
