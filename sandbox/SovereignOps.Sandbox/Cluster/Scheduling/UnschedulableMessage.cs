using System.Collections.Immutable;
using System.Globalization;

namespace SovereignOps.Sandbox.Cluster.Scheduling;

/// <summary>
/// Formats the scheduler's fit error: "0/N nodes are available: " then "count reason" entries sorted as
/// strings (so "10 …" sorts before "2 …", as in kube-scheduler), then what the post-filter plugins say.
/// </summary>
public static class UnschedulableMessage
{
    public static string Format(int nodeCount, IReadOnlyDictionary<string, int> filterReasons, string postFilter) =>
        $"{Histogram(nodeCount, filterReasons)} {FilterReasons.NoClaimsToDeallocate}, {postFilter}";

    public static string Preemption(int nodeCount, IReadOnlyDictionary<string, int> preemptionReasons) =>
        "preemption: " + Histogram(nodeCount, preemptionReasons);

    public const string PreemptionNever = "preemption: not eligible due to preemptionPolicy=Never.";

    private static string Histogram(int nodeCount, IReadOnlyDictionary<string, int> reasons)
    {
        var entries = reasons.Select(r => r.Value.ToString(CultureInfo.InvariantCulture) + " " + r.Key).ToList();
        entries.Sort(StringComparer.Ordinal);
        return $"0/{nodeCount} nodes are available: {string.Join(", ", entries)}.";
    }

    public static ImmutableDictionary<string, int> Count(IEnumerable<string> reasons) =>
        reasons.GroupBy(r => r, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
