using k8s.Models;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// PodDisruptionBudgets that would stop a node drain: one that can never allow an eviction
/// (maxUnavailable 0, minAvailable 100% or at least every pod) fails; one that allows none right now
/// because pods are already unhealthy warns.
/// </summary>
public static class UpgradeCheckDisruptionBudgets
{
    public const string Name = "disruption-budgets";

    public static IEnumerable<CheckResult> Run(IReadOnlyList<V1PodDisruptionBudget> budgets, IReadOnlyList<V1Pod> pods)
    {
        var fine = 0;
        foreach (var budget in budgets)
        {
            var subject = $"PodDisruptionBudget {budget.Metadata.NamespaceProperty}/{budget.Metadata.Name}";
            var selected = pods.Where(p => p.Metadata.NamespaceProperty == budget.Metadata.NamespaceProperty && Selects(budget.Spec.Selector, p)).ToList();
            var expected = selected.Count;
            var healthy = selected.Count(IsReady);
            var (never, allowed) = Allowed(budget.Spec, expected, healthy);
            if (never)
            {
                yield return CheckResult.Fail(Name, subject, $"{Rule(budget.Spec)} never allows an eviction: every drain of a node running its pods blocks; allow at least one");
            }
            else if (expected > 0 && allowed <= 0)
            {
                yield return CheckResult.Warn(Name, subject, $"{Rule(budget.Spec)} allows no eviction now ({healthy} of {expected} pods healthy); drains of their nodes wait until pods recover");
            }
            else
            {
                fine++;
            }
        }

        yield return CheckResult.Pass(Name, "cluster", $"{fine} of {budgets.Count} PodDisruptionBudgets allow node drains");
    }

    private static (bool Never, int Allowed) Allowed(V1PodDisruptionBudgetSpec spec, int expected, int healthy)
    {
        if (spec.MaxUnavailable is { } maxUnavailable)
        {
            var limit = Resolve(maxUnavailable.Value, expected, roundUp: true);
            return (limit == 0 || maxUnavailable.Value == "0%", limit - (expected - healthy));
        }

        if (spec.MinAvailable is { } minAvailable)
        {
            var floor = Resolve(minAvailable.Value, expected, roundUp: true);
            var never = minAvailable.Value == "100%" || (expected > 0 && floor >= expected);
            return (never, healthy - floor);
        }

        return (false, healthy);
    }

    private static int Resolve(string value, int expected, bool roundUp)
    {
        if (!value.EndsWith('%'))
        {
            return int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var pods) ? pods : 0;
        }

        var percent = int.TryParse(value.AsSpan(0, value.Length - 1), System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 0;
        var exact = expected * percent / 100.0;
        return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
    }

    private static string Rule(V1PodDisruptionBudgetSpec spec) =>
        spec.MaxUnavailable is { } max ? $"maxUnavailable {max.Value}" : spec.MinAvailable is { } min ? $"minAvailable {min.Value}" : "no limit";

    private static bool Selects(V1LabelSelector? selector, V1Pod pod)
    {
        if (selector is null)
        {
            return false;
        }

        var labels = pod.Metadata.Labels ?? new Dictionary<string, string>();
        var matchLabels = (selector.MatchLabels ?? new Dictionary<string, string>()).All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value);
        var expressions = (selector.MatchExpressions ?? []).All(e => e.OperatorProperty switch
        {
            "In" => labels.TryGetValue(e.Key, out var v) && (e.Values ?? []).Contains(v),
            "NotIn" => !labels.TryGetValue(e.Key, out var v) || !(e.Values ?? []).Contains(v),
            "Exists" => labels.ContainsKey(e.Key),
            "DoesNotExist" => !labels.ContainsKey(e.Key),
            _ => false,
        });
        return matchLabels && expressions;
    }

    private static bool IsReady(V1Pod pod) =>
        pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") ?? false;
}
