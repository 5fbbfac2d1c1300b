using System.Text.Json.Serialization;

namespace SovereignOps.Rendering.Values;

/// <summary>
/// Values of the <c>sovereign-tenant</c> chart: the baseline of one customer's tenant namespace.
/// See charts/README.md for what each part renders.
/// </summary>
public sealed record TenantChartValues : IChartValues
{
    public const string Chart = "sovereign-tenant";

    [JsonIgnore]
    public string ChartName => Chart;

    [JsonIgnore]
    public string ReleaseName => Namespace;

    /// <summary>The tenant namespace, created by the chart.</summary>
    public required string Namespace { get; init; }

    /// <summary>Inventory labels put on every object.</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public required TenantProfileValues Profile { get; init; }

    public PodSecurityValues PodSecurity { get; init; } = new();

    public TenantNetworkValues Network { get; init; } = new();

    public required TenantQuotaValues Quota { get; init; }

    public LimitRangeValues LimitRange { get; init; } = new();

    public required TenantRbacValues Rbac { get; init; }

    public StorefrontValues Storefront { get; init; } = new();
}

public sealed record TenantProfileValues
{
    /// <summary>The SovereignProfile.</summary>
    public required string Name { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public required string Country { get; init; }

    public required string Customer { get; init; }
}

public sealed record PodSecurityValues
{
    /// <summary>Pod Security Standards version the restricted profile is pinned to: latest or v1.N.</summary>
    public string Version { get; init; } = "latest";
}

public sealed record TenantNetworkValues
{
    public DnsValues Dns { get; init; } = new();
}

public sealed record TenantQuotaValues
{
    /// <summary>Extended resource name (nvidia.com/gpu, nvidia.com/mig-3g.40gb, …) to the number the tenant may request; 0 forbids it.</summary>
    public required IReadOnlyDictionary<string, int> Accelerators { get; init; }

    public required ComputeQuotaValues Compute { get; init; }
}

public sealed record ComputeQuotaValues
{
    public required string RequestsCpu { get; init; }

    public required string RequestsMemory { get; init; }

    public required string LimitsMemory { get; init; }

    public required string RequestsStorage { get; init; }

    public required int PersistentVolumeClaims { get; init; }

    public required int Pods { get; init; }
}

/// <summary>Container defaults and bounds, so the compute quota can account for every container.</summary>
public sealed record LimitRangeValues
{
    public ComputeResourcesValues DefaultRequest { get; init; } = new() { Cpu = "100m", Memory = "128Mi" };

    public ComputeResourcesValues Default { get; init; } = new() { Memory = "512Mi" };

    public ComputeResourcesValues Max { get; init; } = new() { Cpu = "128", Memory = "1Ti" };
}

public sealed record TenantRbacValues
{
    /// <summary>Identity-provider groups that own the tenant.</summary>
    public required IReadOnlyList<string> OwnerGroups { get; init; }
}

public sealed record StorefrontValues
{
    /// <summary>The approved agents, as listed to the tenant's users.</summary>
    public IReadOnlyList<StorefrontAgentValues> Agents { get; init; } = [];
}

public sealed record StorefrontAgentValues
{
    public required string Name { get; init; }

    public required string Catalog { get; init; }

    public required string Vendor { get; init; }

    public required string Domain { get; init; }

    public required string Version { get; init; }

    /// <summary>URL of the agent's Service.</summary>
    public required string Endpoint { get; init; }

    public required string RiskTier { get; init; }

    public required bool HumanReview { get; init; }
}
