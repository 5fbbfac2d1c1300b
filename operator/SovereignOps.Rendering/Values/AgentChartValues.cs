using System.Text.Json.Serialization;

namespace SovereignOps.Rendering.Values;

/// <summary>
/// Values of the <c>sovereign-agent</c> chart: one approved catalog entry bound to its model. See
/// charts/README.md for what each part renders.
/// </summary>
public sealed record AgentChartValues : IChartValues
{
    public const string Chart = "sovereign-agent";

    [JsonIgnore]
    public string ChartName => Chart;

    [JsonIgnore]
    public string ReleaseName => Name;

    /// <summary>Name of the agent (catalog entry); every object name derives from it.</summary>
    public required string Name { get; init; }

    public required string Namespace { get; init; }

    /// <summary>Inventory labels put on every object and pod template.</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public required AgentEntryValues Agent { get; init; }

    public required ImageValues Image { get; init; }

    public int Port { get; init; } = 8080;

    public int Replicas { get; init; } = 1;

    public RolloutValues Rollout { get; init; } = new() { MaxSurge = IntOrPercent.Pods(1), MaxUnavailable = IntOrPercent.Pods(0) };

    public ContainerResourcesValues Resources { get; init; } = new()
    {
        Requests = new() { Cpu = "250m", Memory = "256Mi" },
        Limits = new() { Memory = "512Mi" },
    };

    public string TmpSize { get; init; } = "1Gi";

    public AgentProbeValues Probes { get; init; } = new();

    public required AgentModelBindingValues Model { get; init; }

    public ServiceValues Service { get; init; } = new() { Port = 80 };

    public AgentNetworkValues Network { get; init; } = new();

    public PlacementValues Placement { get; init; } = new();

    public SecurityValues Security { get; init; } = new();
}

/// <summary>The catalog entry, as published in the agent's manifest.</summary>
public sealed record AgentEntryValues
{
    public required string Catalog { get; init; }

    public required string Vendor { get; init; }

    /// <summary>Field of practice, e.g. medicine, law, education.</summary>
    public required string Domain { get; init; }

    public required string Version { get; init; }

    public required IReadOnlyList<string> DataClasses { get; init; }

    /// <summary>minimal, limited or high.</summary>
    public required string RiskTier { get; init; }

    /// <summary>Whether a human must review the agent's output before it is acted upon.</summary>
    public required bool HumanReview { get; init; }
}

public sealed record AgentProbeValues
{
    public string Path { get; init; } = "/healthz";

    public int StartupBudgetSeconds { get; init; } = 120;
}

/// <summary>The model the agent calls: the only in-cluster destination its network policy allows.</summary>
public sealed record AgentModelBindingValues
{
    /// <summary>The model's served name, sent in requests.</summary>
    public required string Name { get; init; }

    /// <summary>Base URL of the model's Service.</summary>
    public required string Endpoint { get; init; }

    /// <summary>Labels of the model's serving pods.</summary>
    public required IReadOnlyDictionary<string, string> PodLabels { get; init; }

    /// <summary>Namespace of the model; empty for the agent's own namespace.</summary>
    public string Namespace { get; init; } = string.Empty;

    /// <summary>Container ports of the model pods the agent calls.</summary>
    public required IReadOnlyList<int> Ports { get; init; }
}

public sealed record AgentNetworkValues
{
    /// <summary>Who may call the agent.</summary>
    public IReadOnlyList<NetworkPeerValues> Clients { get; init; } = [];

    public DnsValues Dns { get; init; } = new();

    /// <summary>The entry's tool egress allow-list.</summary>
    public IReadOnlyList<EgressRuleValues> Egress { get; init; } = [];
}
