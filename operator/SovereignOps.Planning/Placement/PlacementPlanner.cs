using k8s.Models;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Planning.Placement;

/// <summary>
/// Turns a residency policy and a GPU pool into a required node affinity: the policy's region label
/// In the regions both allow, the zone label In the allowed zones when the policy narrows zones, the
/// pool's selector labels, and the dedicated-node label when the data class demands dedicated nodes.
/// All of it sits in one node selector term, because terms are alternatives and every constraint
/// must hold at once.
/// </summary>
public static class PlacementPlanner
{
    public const string DefaultZoneLabelKey = "topology.kubernetes.io/zone";

    /// <summary>Placement of a model's pods on its GPU pool.</summary>
    public static PlacementResult ForModel(DataResidencyPolicy policy, GpuPool pool, string dataClass)
    {
        var regions = policy.Spec.Regions;
        var poolName = pool.Metadata.Name;
        var allowedRegions = regions.Allowed.Where(r => r == pool.Spec.Region).ToList();
        if (allowedRegions.Count == 0)
        {
            return PlacementResult.Impossible(
                $"pool {poolName} is in region {pool.Spec.Region}, which policy {policy.Metadata.Name} does not allow (allowed: {string.Join(", ", regions.Allowed)})");
        }

        var zones = regions.AllowedZones.Count > 0 && pool.Spec.Zones.Count > 0
            ? regions.AllowedZones.Where(pool.Spec.Zones.Contains).ToList()
            : regions.AllowedZones.ToList();
        if (regions.AllowedZones.Count > 0 && zones.Count == 0)
        {
            return PlacementResult.Impossible(
                $"pool {poolName} spans zones {string.Join(", ", pool.Spec.Zones)}, none of which policy {policy.Metadata.Name} allows (allowed: {string.Join(", ", regions.AllowedZones)})");
        }

        var dedicated = DedicatedClass(policy, [dataClass]);
        var requirements = Common(policy, allowedRegions, zones);
        requirements.AddRange(pool.Spec.NodeSelector
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => In(pair.Key, [pair.Value])));
        AddDedicated(requirements, dedicated);

        var tolerations = pool.Spec.Tolerations.Select(ToV1).ToList();
        AddDedicatedToleration(tolerations, dedicated);
        return PlacementResult.Of(new WorkloadPlacement(allowedRegions, zones, dedicated, Required(requirements), tolerations));
    }

    /// <summary>
    /// Placement of a workload that needs no GPU (an agent): any node in the policy's regions and
    /// zones, on dedicated nodes when one of the data classes it touches demands them.
    /// </summary>
    public static PlacementResult ForWorkload(DataResidencyPolicy policy, IEnumerable<string> dataClasses)
    {
        var regions = policy.Spec.Regions.Allowed.ToList();
        var zones = policy.Spec.Regions.AllowedZones.ToList();
        var dedicated = DedicatedClass(policy, dataClasses);
        var requirements = Common(policy, regions, zones);
        AddDedicated(requirements, dedicated);

        var tolerations = new List<V1Toleration>();
        AddDedicatedToleration(tolerations, dedicated);
        return PlacementResult.Of(new WorkloadPlacement(regions, zones, dedicated, Required(requirements), tolerations));
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

    private static List<V1NodeSelectorRequirement> Common(DataResidencyPolicy policy, IReadOnlyList<string> regions, IReadOnlyList<string> zones)
    {
        var requirements = new List<V1NodeSelectorRequirement> { In(policy.Spec.Regions.NodeLabelKey, regions) };
        if (zones.Count > 0)
        {
            requirements.Add(In(policy.Spec.Regions.ZoneLabelKey ?? DefaultZoneLabelKey, zones));
        }

        return requirements;
    }

    private static void AddDedicated(List<V1NodeSelectorRequirement> requirements, string? dedicated)
    {
        if (dedicated is not null)
        {
            requirements.Add(In(DedicatedNodes.Key, [dedicated]));
        }
    }

    private static void AddDedicatedToleration(List<V1Toleration> tolerations, string? dedicated)
    {
        if (dedicated is not null)
        {
            tolerations.Add(new V1Toleration { Key = DedicatedNodes.Key, OperatorProperty = "Equal", Value = dedicated, Effect = DedicatedNodes.TaintEffect });
        }
    }

    private static V1NodeAffinity Required(List<V1NodeSelectorRequirement> requirements) => new()
    {
        RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector
        {
            NodeSelectorTerms = [new V1NodeSelectorTerm { MatchExpressions = requirements }],
        },
    };

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
