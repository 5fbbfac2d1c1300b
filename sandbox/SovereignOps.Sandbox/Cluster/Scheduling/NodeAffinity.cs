using SovereignOps.Sandbox.Cluster.Model;

namespace SovereignOps.Sandbox.Cluster.Scheduling;

/// <summary>The NodeAffinity filter: every nodeSelector label matches, and one required term (if any) matches.</summary>
public static class NodeAffinity
{
    public static bool Matches(PodFacts pod, NodeFacts node)
    {
        foreach (var (key, value) in pod.NodeSelector)
        {
            if (!node.Labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        if (pod.RequiredTerms.IsEmpty)
        {
            return true;
        }

        foreach (var term in pod.RequiredTerms)
        {
            if (term.Matches(node.Name, node.Labels))
            {
                return true;
            }
        }

        return false;
    }
}
