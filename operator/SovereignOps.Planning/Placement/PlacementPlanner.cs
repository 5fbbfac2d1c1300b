using k8s.Models;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Planning.Placement;

/// <summary>
/// Turns a residency policy and a GPU pool into a required node affinity: the policy's region label
/// In the regions both allow, the zone label In the allowed zones when the policy narrows zones, the
/// pool's selector labels, and the customer's dedicated nodes when the data demands them. All of it
/// sits in one node selector term, because terms are alternatives and every constraint must hold.
/// </summary>
public static class PlacementPlanner
{
    public const string DefaultZoneLabelKey = "topology.kubernetes.io/zone";

    /// <summary>Placement of a model's pods on its GPU pool.</summary>
    public static PlacementResult ForModel(DataResidencyPolicy policy, SovereignProfile profile, GpuPool pool, string dataClass)
    {
        var regions = policy.Spec.Regions;
        var allowedRegions = regions.Allowed.Where(r => r == pool.Spec.Region).ToList();
        if (allowedRegions.Count == 0)
        {
            return PlacementResult.Impossible(
                $"pool {pool.Metadata.Name} is in region {pool.Spec.Region}, which policy {policy.Metadata.Name} does not allow (allowed: {string.Join(", ", regions.Allowed)})");
        }

        var zones = regions.AllowedZones.Count > 0 && pool.Spec.Zones.Count > 0
            ? regions.AllowedZones.Where(pool.Spec.Zones.Contains).ToList()
            : regions.AllowedZones.ToList();
        if (regions.AllowedZones.Count > 0 && zones.Count == 0)
        {
            return PlacementResult.Impossible(
                $"pool {pool.Metadata.Name} spans zones {string.Join(", ", pool.Spec.Zones)}, none of which policy {policy.Metadata.Name} allows (allowed: {string.Join(", ", regions.AllowedZones)})");
        }

        return PlacementResult.Of(Build(policy, profile, allowedRegions, zones, DedicatedClass(policy, [dataClass]), pool));
    }

    /// <summary>
    /// Placement of a workload that needs no GPU (an agent): any node in the policy's regions and
    /// zones. When a class it touches demands dedicated nodes it runs on <paramref name="dedicatedPool"/>
    /// (its model's pool) if that pool is dedicated, else on nodes labelled as the customer's.
    /// </summary>
    public static PlacementResult ForWorkload(DataResidencyPolicy policy, SovereignProfile profile, IEnumerable<string> dataClasses, GpuPool? dedicatedPool = null)
    {
        var dedicated = DedicatedClass(policy, dataClasses);
        var pool = dedicated is not null && dedicatedPool?.Spec.Dedicated == true ? dedicatedPool : null;
        var regions = pool is null ? policy.Spec.Regions.Allowed.ToList() : policy.Spec.Regions.Allowed.Where(r => r == pool.Spec.Region).ToList();
        if (regions.Count == 0)
        {
            return PlacementResult.Impossible(
                $"dedicated pool {pool!.Metadata.Name} is in region {pool.Spec.Region}, which policy {policy.Metadata.Name} does not allow");
        }

        return PlacementResult.Of(Build(policy, profile, regions, policy.Spec.Regions.AllowedZones.ToList(), dedicated, pool));
    }

    /// <summary>
    /// The most sensitive of <paramref name="dataClasses"/> that demands dedicated nodes. The policy
    /// lists its classes from most to least sensitive, so the first match in its order wins.
    /// </summary>
    public static string? DedicatedClass(DataResidencyPolicy policy, IEnumerable<string> dataClasses)
    {
        var touched = dataClasses.ToHashSet(StringComparer.Ordinal);
        return policy.Spec.DataClasses.FirstOrDefault(c => c.DedicatedNodes && touched.Contains(c.Name))?.Name;
    }

    private static WorkloadPlacement Build(DataResidencyPolicy policy, SovereignProfile profile, IReadOnlyList<string> regions,
        IReadOnlyList<string> zones, string? dedicatedClass, GpuPool? pool)
    {
        var requirements = new List<V1NodeSelectorRequirement> { In(policy.Spec.Regions.NodeLabelKey, regions) };
        if (zones.Count > 0)
        {
            requirements.Add(In(policy.Spec.Regions.ZoneLabelKey ?? DefaultZoneLabelKey, zones));
        }

        var tolerations = new List<V1Toleration>();
        if (pool is not null)
        {
            requirements.AddRange(pool.Spec.NodeSelector
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => In(pair.Key, [pair.Value])));
            tolerations.AddRange(pool.Spec.Tolerations.Select(ToV1));
        }

        // A dedicated pool's nodes are the customer's own; anywhere else, ask for them by label.
        if (dedicatedClass is not null && pool?.Spec.Dedicated != true)
        {
            var customer = profile.Metadata.Name ?? string.Empty;
            requirements.Add(In(DedicatedNodes.Key, [customer]));
            var toleration = new V1Toleration { Key = DedicatedNodes.Key, OperatorProperty = "Equal", Value = customer, Effect = DedicatedNodes.TaintEffect };
            if (!tolerations.Any(t => t.Key == toleration.Key && t.Value == toleration.Value && t.Effect == toleration.Effect))
            {
                tolerations.Add(toleration);
            }
        }

        var affinity = new V1NodeAffinity
        {
            RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector
            {
                NodeSelectorTerms = [new V1NodeSelectorTerm { MatchExpressions = requirements }],
            },
        };
        return new WorkloadPlacement(regions, zones, dedicatedClass, pool?.Metadata.Name, affinity, tolerations);
    }

    private static V1NodeSelectorRequirement In(string key, IReadOnlyList<string> values) =>
        new() { Key = key, OperatorProperty = "In", Values = values.ToList() };

    private static V1Toleration ToV1(Toleration toleration) => new()
    {
        Key = toleration.Key,
        OperatorProperty = toleration.Operator,
        Value = toleration.Value,
        Effect = toleration.Effect,
        TolerationSeconds = toleration.TolerationSeconds,
    };
}
