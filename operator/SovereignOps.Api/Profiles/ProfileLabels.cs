namespace SovereignOps.Api.Profiles;

/// <summary>Label and taint keys generated pools, nodes and namespaces share.</summary>
public static class ProfileLabels
{
    /// <summary>Node label a GpuPool selects its nodes by; the value is the pool name.</summary>
    public const string Pool = "sovereignops.io/pool";

    /// <summary>Taint on the nodes of a dedicated pool; the value is the profile the nodes belong to.</summary>
    public const string DedicatedTaint = "sovereignops.io/dedicated";

    /// <summary>Label on the tenant namespace naming its SovereignProfile.</summary>
    public const string Profile = "sovereignops.io/profile";

    public const string Region = "topology.kubernetes.io/region";
    public const string Zone = "topology.kubernetes.io/zone";

    /// <summary>Pod Security Admission labels enforcing the restricted profile on a tenant namespace.</summary>
    public static IReadOnlyDictionary<string, string> RestrictedPodSecurity { get; } = new Dictionary<string, string>
    {
        ["pod-security.kubernetes.io/enforce"] = "restricted",
        ["pod-security.kubernetes.io/enforce-version"] = "latest",
        ["pod-security.kubernetes.io/audit"] = "restricted",
        ["pod-security.kubernetes.io/warn"] = "restricted",
    };
}
