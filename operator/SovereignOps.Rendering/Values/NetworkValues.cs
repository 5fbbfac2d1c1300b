namespace SovereignOps.Rendering.Values;

/// <summary>Pods allowed to connect: pod labels, and namespace labels for callers outside the namespace.</summary>
public sealed record NetworkPeerValues
{
    /// <summary>Labels of the calling pods; empty selects every pod.</summary>
    public required IReadOnlyDictionary<string, string> PodLabels { get; init; }

    /// <summary>Labels of the callers' namespaces; null for the chart's own namespace.</summary>
    public IReadOnlyDictionary<string, string>? NamespaceLabels { get; init; }
}

/// <summary>An allowed egress destination: a CIDR, optional carve-outs, and optional ports (none means every port).</summary>
public sealed record EgressRuleValues
{
    public required string Cidr { get; init; }

    public IReadOnlyList<string>? Except { get; init; }

    public IReadOnlyList<NetworkPortValues>? Ports { get; init; }
}

public sealed record NetworkPortValues
{
    public required int Port { get; init; }

    /// <summary>TCP, UDP or SCTP.</summary>
    public string Protocol { get; init; } = "TCP";
}

/// <summary>The cluster DNS pods every workload may resolve names through.</summary>
public sealed record DnsValues
{
    public string Namespace { get; init; } = "kube-system";

    public IReadOnlyDictionary<string, string> PodLabels { get; init; } = new Dictionary<string, string> { ["k8s-app"] = "kube-dns" };
}
