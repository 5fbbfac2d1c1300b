namespace SovereignOps.Planning.Guard;

/// <summary>Stable ids of the residency rules; they appear in conditions and CLI output, so never rename one.</summary>
public static class GuardRules
{
    /// <summary>Pod template without required node affinity limiting the region label to the allowed regions.</summary>
    public const string Region = "placement.region";

    /// <summary>Pod template not limited to the policy's allowed zones.</summary>
    public const string Zone = "placement.zone";

    /// <summary>GPU pod template not limited to its pool's nodes (the pool's node selector labels).</summary>
    public const string PoolNodes = "placement.pool";

    /// <summary>Pod template handling a class that demands dedicated nodes but not limited to them.</summary>
    public const string DedicatedNodes = "placement.dedicated";

    /// <summary>Container or image volume not pulled from the profile's in-country mirror.</summary>
    public const string ImageMirror = "image.mirror";

    /// <summary>Volume claim on a storage class the policy does not allow (or on none while it lists some).</summary>
    public const string StorageClass = "storage.class";

    /// <summary>Tenant namespace without a default-deny NetworkPolicy for ingress or egress.</summary>
    public const string DefaultDeny = "network.default-deny";

    /// <summary>NetworkPolicy egress to destinations outside the policy's allow-list.</summary>
    public const string Egress = "network.egress";

    /// <summary>Service type that exposes the workload outside the cluster without the profile allowing it.</summary>
    public const string ServiceType = "service.type";

    /// <summary>Host namespaces (hostNetwork, hostPID, hostIPC) or host ports.</summary>
    public const string HostNamespaces = "pod-security.host-namespaces";

    /// <summary>hostPath or another volume type the restricted profile does not allow.</summary>
    public const string Volumes = "pod-security.volumes";

    /// <summary>Privileged container.</summary>
    public const string Privileged = "pod-security.privileged";

    /// <summary>allowPrivilegeEscalation not set to false.</summary>
    public const string PrivilegeEscalation = "pod-security.privilege-escalation";

    /// <summary>runAsNonRoot not true, or runAsUser 0.</summary>
    public const string RunAsNonRoot = "pod-security.run-as-non-root";

    /// <summary>Capabilities not dropping ALL, or adding more than NET_BIND_SERVICE.</summary>
    public const string Capabilities = "pod-security.capabilities";

    /// <summary>Seccomp profile neither RuntimeDefault nor Localhost.</summary>
    public const string Seccomp = "pod-security.seccomp";

    /// <summary>Data class not defined by the policy, or not allowed on the pool.</summary>
    public const string PoolDataClass = "pool.data-class";

    /// <summary>MIG or time-sliced GPUs for a data class that forbids GPU sharing.</summary>
    public const string GpuSharing = "pool.gpu-sharing";

    /// <summary>Model or pool region outside the policy (plan-time check).</summary>
    public const string PoolRegion = "pool.region";
}
