using k8s.Models;

namespace SovereignOps.Planning.Guard;

/// <summary>
/// Tenant traffic is denied by default in both directions, and no NetworkPolicy opens egress to
/// destinations beyond the policy's allow-list. Destinations inside the cluster (pod and namespace
/// selectors) are not egress from the country and are left to the charts.
/// </summary>
internal static class NetworkRules
{
    public const string Ingress = "Ingress";
    public const string Egress = "Egress";

    public static void CheckDefaultDeny(GuardContext context, IReadOnlyList<GuardedObject> objects, ViolationList violations)
    {
        var tenant = context.Profile.Spec.TenantNamespace;
        var policies = objects.Select(o => o.Object).OfType<V1NetworkPolicy>()
            .Where(p => p.Metadata?.NamespaceProperty == tenant)
            .ToList();
        var owner = new ObjectRef("Namespace", string.Empty, tenant);
        var clause = context.PolicyClause("spec.egress (everything not listed is denied)");
        foreach (var direction in new[] { Ingress, Egress })
        {
            if (!policies.Any(p => DeniesAll(p, direction)))
            {
                violations.Add(owner, $"networkPolicies.defaultDeny{direction}", GuardRules.DefaultDeny, clause,
                    $"no NetworkPolicy in {tenant} selects every pod and denies all {direction.ToLowerInvariant()}");
            }
        }
    }

    public static void CheckEgress(GuardContext context, V1NetworkPolicy policy, ObjectRef owner, ViolationList violations)
    {
        var allowed = context.AllowedEgress;
        string Clause() => context.PolicyClause("spec.egress.allowedCidrs", context.Policy.Spec.Egress?.AllowedCidrs ?? []);
        if (!EffectiveTypes(policy).Contains(Egress))
        {
            return;
        }

        foreach (var (rule, i) in (policy.Spec?.Egress ?? []).Select((r, i) => (r, i)))
        {
            if (rule.To is null || rule.To.Count == 0)
            {
                violations.Add(owner, $"spec.egress[{i}].to", GuardRules.Egress, Clause(),
                    "an egress rule without destinations allows every address, inside the country or not");
                continue;
            }

            foreach (var (peer, j) in rule.To.Select((p, j) => (p, j)))
            {
                if (peer.IpBlock is { } block && !(Cidr.TryParse(block.Cidr) is { } target && allowed.Any(a => a.Contains(target))))
                {
                    violations.Add(owner, $"spec.egress[{i}].to[{j}].ipBlock.cidr", GuardRules.Egress, Clause(),
                        $"egress to {block.Cidr} is outside the allow-list");
                }
            }
        }
    }

    /// <summary>An empty pod selector, the direction in its types, and no rule that lets anything through.</summary>
    private static bool DeniesAll(V1NetworkPolicy policy, string direction)
    {
        var selector = policy.Spec?.PodSelector;
        var selectsAll = selector is null || ((selector.MatchLabels is null || selector.MatchLabels.Count == 0)
            && (selector.MatchExpressions is null || selector.MatchExpressions.Count == 0));
        var rules = direction == Ingress ? policy.Spec?.Ingress?.Count : policy.Spec?.Egress?.Count;
        return selectsAll && EffectiveTypes(policy).Contains(direction) && (rules ?? 0) == 0;
    }

    /// <summary>policyTypes, or when unset what the API server defaults it to: Ingress, plus Egress when egress rules exist.</summary>
    private static IReadOnlyCollection<string> EffectiveTypes(V1NetworkPolicy policy) =>
        policy.Spec?.PolicyTypes is { Count: > 0 } types
            ? types.ToList()
            : policy.Spec?.Egress is { Count: > 0 } ? [Ingress, Egress] : [Ingress];
}
