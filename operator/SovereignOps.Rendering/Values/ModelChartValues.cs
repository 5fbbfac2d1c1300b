using System.Text.Json.Serialization;

namespace SovereignOps.Rendering.Values;

/// <summary>
/// Values of the <c>sovereign-model</c> chart: one served model as the capacity plan sized and placed
/// it. See charts/README.md for what each part renders.
/// </summary>
public sealed record ModelChartValues : IChartValues
{
    public const string Chart = "sovereign-model";

    [JsonIgnore]
    public string ChartName => Chart;

    [JsonIgnore]
    public string ReleaseName => Name;

    /// <summary>Name of the ModelDeployment; every object name derives from it.</summary>
    public required string Name { get; init; }

    public required string Namespace { get; init; }

    /// <summary>Inventory labels put on every object and pod template.</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public required ModelIdentityValues Model { get; init; }

    public required RuntimeValues Runtime { get; init; }

    public WorkloadValues Workload { get; init; } = new();

    public ParallelismValues Parallelism { get; init; } = new();

    public required ServingValues Serving { get; init; }

    public required ModelResourcesValues Resources { get; init; }

    public required WeightsValues Weights { get; init; }

    public ModelProbeValues Probes { get; init; } = new();

    public ServiceValues Service { get; init; } = new() { Port = 8000 };

    public DisruptionBudgetValues PodDisruptionBudget { get; init; } = new();

    public AutoscalingValues Autoscaling { get; init; } = new();

    public ModelNetworkValues Network { get; init; } = new();

    public PlacementValues Placement { get; init; } = new();

    public SecurityValues Security { get; init; } = new();
}

public sealed record ModelIdentityValues
{
    /// <summary>Name clients ask for (the OpenAI "model" field; Triton's model directory).</summary>
    public required string ServedName { get; init; }

    /// <summary>Model version, recorded as app.kubernetes.io/version.</summary>
    public required string Version { get; init; }

    /// <summary>Data class the model processes, recorded as sovereignops.io/data-class.</summary>
    public required string DataClass { get; init; }
}

public sealed record RuntimeValues
{
    public required RuntimeEngine Engine { get; init; }

    public required ImageValues Image { get; init; }

    public int Port { get; init; } = 8000;

    /// <summary>Triton's gRPC port.</summary>
    public int GrpcPort { get; init; } = 8001;

    /// <summary>Triton's metrics port.</summary>
    public int MetricsPort { get; init; } = 8002;

    /// <summary>Arguments appended after the planned ones.</summary>
    public IReadOnlyList<string> ExtraArgs { get; init; } = [];
}

public sealed record WorkloadValues
{
    /// <summary>Deployment, or StatefulSet for stable identity (required when a replica spans nodes).</summary>
    public WorkloadKind Kind { get; init; } = WorkloadKind.Deployment;

    /// <summary>Model replicas; ignored while autoscaling is enabled.</summary>
    public int Replicas { get; init; } = 1;

    public RolloutValues Rollout { get; init; } = new();

    public int TerminationGracePeriodSeconds { get; init; } = 60;
}

public sealed record ParallelismValues
{
    public int TensorParallelSize { get; init; } = 1;

    public int PipelineParallelSize { get; init; } = 1;

    /// <summary>Nodes one replica spans; above 1 a replica is a leader pod plus worker ranks.</summary>
    public int NodesPerReplica { get; init; } = 1;

    /// <summary>Port of the rank-0 coordinator of a multi-node replica.</summary>
    public int CoordinatorPort { get; init; } = 29500;
}

public sealed record ServingValues
{
    /// <summary>Context length in tokens (prompt plus completion).</summary>
    public required int MaxModelLength { get; init; }

    /// <summary>Sequences served concurrently per replica.</summary>
    public required int MaxConcurrentSequences { get; init; }

    /// <summary>TGI only: longest prompt; 0 means maxModelLength - 1.</summary>
    public int MaxInputTokens { get; init; }
}

public sealed record ModelResourcesValues
{
    public required GpuValues Gpu { get; init; }

    public ComputeResourcesValues Requests { get; init; } = new();

    public ComputeResourcesValues Limits { get; init; } = new();

    /// <summary>Size of /dev/shm (a memory-backed emptyDir) for NCCL and worker processes.</summary>
    public string SharedMemorySize { get; init; } = "8Gi";

    public string ScratchSize { get; init; } = "20Gi";

    public string TmpSize { get; init; } = "2Gi";
}

public sealed record GpuValues
{
    /// <summary>nvidia.com/gpu, a MIG resource such as nvidia.com/mig-3g.40gb, or amd.com/gpu.</summary>
    public required string ResourceName { get; init; }

    /// <summary>GPUs or slices per pod: tensor × pipeline parallel size / nodes per replica.</summary>
    public required int Count { get; init; }
}

public sealed record ModelProbeValues
{
    /// <summary>How long loading the model may take before the pod is restarted.</summary>
    public int StartupBudgetSeconds { get; init; } = 1800;

    public int PeriodSeconds { get; init; } = 10;

    public int LivenessFailureThreshold { get; init; } = 3;
}

public sealed record DisruptionBudgetValues
{
    public bool Enabled { get; init; } = true;

    public int MaxUnavailable { get; init; } = 1;
}

public sealed record AutoscalingValues
{
    public bool Enabled { get; init; }

    public int MinReplicas { get; init; } = 1;

    public int MaxReplicas { get; init; } = 4;

    public AutoscalingMetricValues Metric { get; init; } = new();

    public int ScaleDownStabilizationSeconds { get; init; } = 600;
}

/// <summary>A per-pod metric served through the custom metrics API, and its target average.</summary>
public sealed record AutoscalingMetricValues
{
    public string Name { get; init; } = "inference_requests_waiting";

    public string AverageValue { get; init; } = "4";
}

public sealed record ModelNetworkValues
{
    /// <summary>Who may call the model besides the tenant's agents.</summary>
    public IReadOnlyList<NetworkPeerValues> Clients { get; init; } = [];

    public DnsValues Dns { get; init; } = new();

    /// <summary>Egress allow-list, e.g. the in-country weights store.</summary>
    public IReadOnlyList<EgressRuleValues> Egress { get; init; } = [];
}
