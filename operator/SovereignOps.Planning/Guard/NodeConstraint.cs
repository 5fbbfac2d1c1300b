using k8s.Models;

namespace SovereignOps.Planning.Guard;

/// <summary>
/// Decides whether a pod can only be scheduled on nodes whose label <c>key</c> is one of a set of
/// values. The nodeSelector binds on its own; otherwise the required node affinity must: its terms
/// are alternatives, so every term needs an <c>In</c> expression on the key whose values all lie in
/// the set (a term's expressions all hold at once, so one such expression per term suffices).
/// </summary>
internal static class NodeConstraint
{
    private const string Required = "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution";

    /// <summary>Null when the pod is held to <paramref name="allowed"/>; else the field and the reason.</summary>
    public static (string Field, string Reason)? Loophole(PodTemplate pod, string key, IReadOnlyCollection<string> allowed)
    {
        if (pod.Spec.NodeSelector is { } selector && selector.TryGetValue(key, out var selected))
        {
            return allowed.Contains(selected)
                ? null
                : ($"{pod.Path}.nodeSelector", $"nodeSelector sets {key}={selected}, which is not one of [{string.Join(", ", allowed)}]");
        }

        var terms = pod.Spec.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms;
        if (terms is null || terms.Count == 0)
        {
            return ($"{pod.Path}.{Required}", $"no required node affinity restricts {key} to [{string.Join(", ", allowed)}]");
        }

        for (var i = 0; i < terms.Count; i++)
        {
            var onKey = (terms[i].MatchExpressions ?? []).Where(e => e.Key == key).ToList();
            var field = $"{pod.Path}.{Required}.nodeSelectorTerms[{i}]";
            if (!onKey.Any(e => e.OperatorProperty == "In"))
            {
                return (field, $"nodeSelectorTerms[{i}] does not require {key} In [{string.Join(", ", allowed)}]");
            }

            if (!onKey.Any(e => e.OperatorProperty == "In" && e.Values is { Count: > 0 } values && values.All(allowed.Contains)))
            {
                var offered = onKey.Where(e => e.OperatorProperty == "In").SelectMany(e => e.Values ?? []).Where(v => !allowed.Contains(v)).Distinct();
                return (field, $"nodeSelectorTerms[{i}] allows {key} {string.Join(", ", offered)}, outside [{string.Join(", ", allowed)}]");
            }
        }

        return null;
    }
}
