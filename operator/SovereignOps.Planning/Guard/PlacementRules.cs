using SovereignOps.Planning.Placement;

namespace SovereignOps.Planning.Guard;

/// <summary>Every pod is pinned to the policy's regions (and zones), its pool's nodes, and dedicated nodes where its data demands them.</summary>
internal static class PlacementRules
{
    public static void Check(GuardContext context, GuardedObject guarded, ObjectRef owner, PodTemplate pod, ViolationList violations)
    {
        var regions = context.Policy.Spec.Regions;
        Require(pod, owner, regions.NodeLabelKey, regions.Allowed, GuardRules.Region,
            () => context.PolicyClause("spec.regions.allowed", regions.Allowed), violations);

        if (regions.AllowedZones.Count > 0)
        {
            Require(pod, owner, regions.ZoneLabelKey ?? PlacementPlanner.DefaultZoneLabelKey, regions.AllowedZones, GuardRules.Zone,
                () => context.PolicyClause("spec.regions.allowedZones", regions.AllowedZones), violations);
        }

        if (guarded.Pool is { } pool)
        {
            foreach (var (key, value) in pool.Spec.NodeSelector.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Require(pod, owner, key, [value], GuardRules.PoolNodes,
                    () => $"GpuPool {pool.Metadata.Name} spec.nodeSelector {key}={value}", violations);
            }
        }

        // On a dedicated pool the pool checks above already pin the pods to the customer's own nodes.
        if (PlacementPlanner.DedicatedClass(context.Policy, guarded.DataClasses) is { } dedicated && guarded.Pool?.Spec.Dedicated != true)
        {
            Require(pod, owner, DedicatedNodes.Key, [context.ProfileName], GuardRules.DedicatedNodes,
                () => context.PolicyClause($"spec.dataClasses[{dedicated}].dedicatedNodes"), violations);
        }
    }

    /// <summary>The clause is only put into words when there is a violation to report.</summary>
    private static void Require(PodTemplate pod, ObjectRef owner, string key, IReadOnlyCollection<string> allowed, string rule, Func<string> clause, ViolationList violations)
    {
        if (NodeConstraint.Loophole(pod, key, allowed) is { } loophole)
        {
            violations.Add(owner, loophole.Field, rule, clause(), loophole.Reason);
        }
    }
}
