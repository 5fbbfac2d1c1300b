using System.Runtime.CompilerServices;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// Selectors parsed once per stored version: routing a pod event to the Services and budgets that select it
/// must not re-parse every Service's JSON.
/// </summary>
internal static class SelectorCache
{
    private static readonly ConditionalWeakTable<StoredObject, LabelSelectorMatch> Selectors = [];

    /// <summary>spec.selector as a LabelSelector (workloads, budgets) or as a plain map (Services).</summary>
    public static LabelSelectorMatch Of(StoredObject obj) =>
        Selectors.GetValue(obj, static o =>
        {
            var selector = o.ToJsonObject().At("spec.selector");
            return o.Resource == ClusterCache.ServicesResource ? LabelSelectorMatch.FromMap(selector) : LabelSelectorMatch.FromSelector(selector);
        });

    public static bool Selects(StoredObject owner, IReadOnlyDictionary<string, string> labels) => Of(owner).Matches(labels);
}
