namespace SovereignOps.Api.Profiles;

/// <summary>
/// File names of a country bundle. The numeric prefixes make <c>kubectl apply -f DIR/</c> create the namespace
/// and the cluster-scoped policy, profile and pools before the namespaced resources that refer to them;
/// <c>nodes.yaml</c> sorts last and is only applied to the sandbox.
/// </summary>
public static class BundleLayout
{
    public const string Namespace = "00-namespace.yaml";
    public const string Policy = "10-policy.yaml";
    public const string Profile = "20-profile.yaml";
    public const string Pools = "30-pools.yaml";
    public const string Models = "40-models.yaml";
    public const string Agents = "50-agents.yaml";
    public const string Nodes = "nodes.yaml";

    public static IReadOnlyList<string> Files { get; } = [Namespace, Policy, Profile, Pools, Models, Agents, Nodes];
}
