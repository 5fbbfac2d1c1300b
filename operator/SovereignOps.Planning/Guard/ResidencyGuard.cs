using k8s.Models;

namespace SovereignOps.Planning.Guard;

/// <summary>
/// The last word before anything is applied: whatever a chart rendered, every object is checked
/// against the residency invariants and every violation is returned, not just the first, so one
/// run shows the whole picture. An empty list means the set may be applied.
/// </summary>
public static class ResidencyGuard
{
    public static IReadOnlyList<Violation> Check(GuardContext context, IReadOnlyList<GuardedObject> objects)
    {
        var violations = new ViolationList();
        foreach (var guarded in objects)
        {
            var resource = guarded.Object;
            var owner = ObjectRef.Of(resource);
            foreach (var pod in PodTemplate.In(resource))
            {
                PlacementRules.Check(context, guarded, owner, pod, violations);
                ImageRules.Check(context, owner, pod, violations);
                PodSecurityRules.Check(owner, pod, violations);
                PoolRules.Sharing(context, guarded, owner, pod, violations);
            }

            if (PodTemplate.IsWorkload(resource))
            {
                PoolRules.DataClasses(context, guarded, owner, violations);
            }

            StorageClassRules.Check(context, resource, owner, violations);
            switch (resource)
            {
                case V1Service service:
                    ServiceRules.Check(context, service, owner, violations);
                    break;
                case V1NetworkPolicy networkPolicy:
                    NetworkRules.CheckEgress(context, networkPolicy, owner, violations);
                    break;
            }
        }

        NetworkRules.CheckDefaultDeny(context, objects, violations);
        return violations.Items;
    }
}
