using System.ComponentModel;
using k8s.Models;
using SovereignOps.Api.Crds;

namespace SovereignOps.Api.V1Alpha1;

[CustomResource("ModelDeployment", "modeldeployments", namespaced: true, ShortNames = ["mdep", "model"])]
[Description("A foundation model served in the customer's tenant namespace on one of its GPU pools.")]
[PrinterColumn("Model", "string", ".spec.model.name", "Model name.")]
[PrinterColumn("Pool", "string", ".spec.gpuPoolRef.name", "GpuPool the model is placed on.")]
[PrinterColumn("GPUs", "integer", ".status.gpusPerReplica", "GPUs per replica.")]
[PrinterColumn("Replicas", "integer", ".spec.replicas", "Desired replicas.")]
[PrinterColumn("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", "Whether the serving workload is available.")]
[PrinterColumn("Reason", "string", ".status.conditions[?(@.type==\"Ready\")].reason", "Why the model is or is not ready.", Priority = 1)]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp", "Time since creation.")]
public sealed class ModelDeployment() : CustomResource<ModelDeploymentSpec, ModelDeploymentStatus>(KindName)
{
    public const string KindName = "ModelDeployment";
}

[CelRule("self.parametersBillions * (self.precision in ['bf16', 'fp16'] ? 2.0 : (self.precision in ['fp8', 'int8'] ? 1.0 : 0.5)) <= 4096.0",
    "parametersBillions at this precision needs more than 4 TiB of weights; use a lower precision", FieldPath = ".parametersBillions")]
[CelRule("!has(self.autoscaling) || self.autoscaling.minReplicas <= self.autoscaling.maxReplicas",
    "autoscaling.minReplicas must not exceed autoscaling.maxReplicas", FieldPath = ".autoscaling.minReplicas")]
[CelRule("!(self.precision == 'int4' && self.runtime.engine == 'triton')",
    "the triton runtime cannot serve int4 weights; use vllm or tgi, or precision fp8", FieldPath = ".precision")]
public sealed class ModelDeploymentSpec
{
    [Required]
    [Description("Which model and which exact build of it.")]
    public ModelIdentity Model { get; set; } = new();

    [Required]
    [Minimum(0.01)]
    [Maximum(10000)]
    [Description("Parameter count in billions, e.g. 70 for a 70B model.")]
    public double ParametersBillions { get; set; }

    [Description("Transformer shape, used for the KV-cache estimate; estimated from the parameter count when absent.")]
    public ModelArchitecture? Architecture { get; set; }

    [Required]
    [OneOf("bf16", "fp16", "fp8", "int8", "int4")]
    [Description("Numeric precision of the served weights.")]
    public string Precision { get; set; } = "bf16";

    [Required]
    [ListSet]
    [ItemCount(1, 4)]
    [ItemsOneOf("text", "image", "speech", "video")]
    [Description("What the model understands: text, image, speech, video.")]
    public List<string> Modalities { get; set; } = [];

    [Required]
    [Description("Where the weights come from; must be inside the country.")]
    public WeightsSource Weights { get; set; } = new();

    [Required]
    [Description("The serving runtime.")]
    public ServingRuntime Runtime { get; set; } = new();

    [Minimum(256)]
    [Maximum(10000000)]
    [Default(8192)]
    [Description("Maximum context length in tokens the model is served with.")]
    public int ContextLength { get; set; } = 8192;

    [Minimum(1)]
    [Maximum(4096)]
    [Default(16)]
    [Description("Concurrent sequences each replica must hold in its KV cache.")]
    public int MaxConcurrentSequences { get; set; } = 16;

    [Required]
    [Pattern(ApiGroup.DataClassPattern)]
    [Description("The most sensitive data class the model processes; decides pools, sharing and dedicated nodes.")]
    public string DataClass { get; set; } = string.Empty;

    [Description("GpuPool to place the model on; defaults to the profile's defaultGpuPool.")]
    public ObjectReference? GpuPoolRef { get; set; }

    [Minimum(0)]
    [Maximum(1000)]
    [Default(1)]
    [Description("Desired replicas when autoscaling is not set.")]
    public int Replicas { get; set; } = 1;

    [Description("Scale between bounds on load instead of a fixed replica count.")]
    public Autoscaling? Autoscaling { get; set; }

    [Description("How new versions are rolled out.")]
    public RolloutStrategy? Rollout { get; set; }

    [Minimum(-1000)]
    [Maximum(1000)]
    [Default(0)]
    [Description("Higher priority models are given pool capacity first.")]
    public int Priority { get; set; }
}

public sealed class ModelIdentity
{
    [Required]
    [Pattern(ApiGroup.DnsLabelPattern)]
    [Length(1, 63)]
    [Description("Model name, e.g. typhoon-omni.")]
    public string Name { get; set; } = string.Empty;

    [Required]
    [Length(1, 64)]
    [Description("Model version, e.g. 2.1.")]
    public string Version { get; set; } = string.Empty;

    [Pattern("^sha256:[a-f0-9]{64}$")]
    [Description("Content digest of the weights (sha256:...).")]
    public string? Digest { get; set; }
}

public sealed class ModelArchitecture
{
    [Required]
    [Minimum(1)]
    [Maximum(1024)]
    [Description("Transformer layers.")]
    public int Layers { get; set; }

    [Required]
    [Minimum(1)]
    [Maximum(1024)]
    [Description("Key/value heads (fewer than attention heads with grouped-query attention).")]
    public int KvHeads { get; set; }

    [Required]
    [Minimum(16)]
    [Maximum(1024)]
    [Description("Dimension of each attention head.")]
    public int HeadDim { get; set; }
}

public sealed class WeightsSource
{
    [Required]
    [Pattern("^(s3|https|oci|pvc)://[^\\s]+$")]
    [Description("Where the weights are: s3://, https:// or oci:// on in-country hosts, or pvc://CLAIM/PATH.")]
    public string Uri { get; set; } = string.Empty;

    [Quantity]
    [Description("Size of the weights cache volume; defaults to the weights size plus 20%.")]
    public ResourceQuantity? CacheSize { get; set; }

    [Pattern(ApiGroup.DnsLabelPattern)]
    [Description("Storage class of the weights cache; must be allowed by the residency policy.")]
    public string? CacheStorageClass { get; set; }
}

public sealed class ServingRuntime
{
    [Required]
    [OneOf("vllm", "tgi", "triton")]
    [Description("Serving engine: vllm, tgi or triton.")]
    public string Engine { get; set; } = "vllm";

    [Description("Serving image; defaults to the engine's image in the profile's mirror.")]
    public ImageReference? Image { get; set; }

    [ItemCount(0, 64)]
    [Description("Extra arguments passed to the engine.")]
    public List<string> ExtraArgs { get; set; } = [];
}

public sealed class Autoscaling
{
    [Required]
    [Minimum(1)]
    [Maximum(1000)]
    [Description("Fewest replicas.")]
    public int MinReplicas { get; set; } = 1;

    [Required]
    [Minimum(1)]
    [Maximum(1000)]
    [Description("Most replicas; GPU capacity is planned for this many.")]
    public int MaxReplicas { get; set; } = 1;

    [Minimum(1)]
    [Maximum(100)]
    [Default(70)]
    [Description("Target average GPU utilisation in percent.")]
    public int TargetUtilizationPercent { get; set; } = 70;
}

public sealed class RolloutStrategy
{
    [OneOf("RollingUpdate", "Recreate")]
    [Default("RollingUpdate")]
    [Description("RollingUpdate replaces replicas gradually; Recreate stops all first.")]
    public string Type { get; set; } = "RollingUpdate";

    [Description("Extra replicas during a rollout (number or percent). GPU pools rarely have room: 0 is common.")]
    public IntOrString? MaxSurge { get; set; }

    [Description("Replicas that may be unavailable during a rollout (number or percent).")]
    public IntOrString? MaxUnavailable { get; set; }
}

public sealed class ModelDeploymentStatus : IResourceStatus
{
    [Description("The metadata.generation the status reflects.")]
    public long? ObservedGeneration { get; set; }

    [ListMap("type")]
    [Description("Current state: Ready, Planned, ResidencyCompliant.")]
    public List<Condition> Conditions { get; set; } = [];

    [Description("GpuPool the model was planned on.")]
    public string? Pool { get; set; }

    [Description("GPUs (or MIG slices) per replica.")]
    public int? GpusPerReplica { get; set; }

    [Description("Extended resource each replica requests, e.g. nvidia.com/gpu.")]
    public string? GpuResource { get; set; }

    [Description("Tensor-parallel degree.")]
    public int? TensorParallel { get; set; }

    [Description("Pipeline-parallel degree.")]
    public int? PipelineParallel { get; set; }

    [Description("Memory needed per replica.")]
    public MemoryEstimate? Memory { get; set; }

    [Description("Desired replicas.")]
    public int? Replicas { get; set; }

    [Description("Replicas that are ready to serve.")]
    public int? ReadyReplicas { get; set; }

    [Description("Where the replicas actually run.")]
    public Placement? Placement { get; set; }

    [Description("In-cluster URL of the model's API.")]
    public string? Endpoint { get; set; }
}

public sealed class MemoryEstimate
{
    [Description("Weights in GiB.")]
    public string? WeightsGiB { get; set; }

    [Description("KV cache in GiB.")]
    public string? KvCacheGiB { get; set; }

    [Description("Runtime headroom in GiB.")]
    public string? HeadroomGiB { get; set; }

    [Description("Total per replica in GiB.")]
    public string? TotalGiB { get; set; }

    [Description("The KV-cache figure uses an architecture estimated from the parameter count.")]
    public bool ArchitectureEstimated { get; set; }
}

public sealed class Placement
{
    [ListSet]
    [Description("Regions the replicas run in.")]
    public List<string> Regions { get; set; } = [];

    [ListSet]
    [Description("Nodes the replicas run on.")]
    public List<string> Nodes { get; set; } = [];
}
