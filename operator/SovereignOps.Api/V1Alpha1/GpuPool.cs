using System.ComponentModel;
using SovereignOps.Api.Crds;

namespace SovereignOps.Api.V1Alpha1;

[CustomResource("GpuPool", "gpupools", namespaced: false, ShortNames = ["gpool"])]
[Description("A set of GPU nodes in one region that models of one customer are placed on, with its partitioning and the data classes it may carry.")]
[PrinterColumn("Profile", "string", ".spec.profileRef.name", "The SovereignProfile that owns the pool.")]
[PrinterColumn("GPU", "string", ".spec.gpu.model", "GPU model.")]
[PrinterColumn("Region", "string", ".spec.region", "Region of the pool's nodes.")]
[PrinterColumn("Capacity", "integer", ".status.capacityGpus", "GPUs on ready nodes.")]
[PrinterColumn("Free", "integer", ".status.freeGpus", "GPUs not allocated to models.")]
[PrinterColumn("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", "Whether the pool's nodes are present and ready.")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp", "Time since creation.")]
public sealed class GpuPool() : CustomResource<GpuPoolSpec, GpuPoolStatus>(KindName)
{
    public const string KindName = "GpuPool";

    /// <summary>GPU models that support Multi-Instance GPU partitioning.</summary>
    public static readonly IReadOnlyList<string> MigCapableModels = ["A100-40GB", "A100-80GB", "H100-80GB", "H100-94GB", "H200-141GB", "B200-192GB"];
}

[CelRule("self.partitioning.mode != 'MIG' || self.gpu.model in ['A100-40GB', 'A100-80GB', 'H100-80GB', 'H100-94GB', 'H200-141GB', 'B200-192GB']",
    "MIG partitioning needs a MIG-capable GPU (A100, H100, H200 or B200)", FieldPath = ".partitioning.mode")]
[CelRule("self.partitioning.mode != 'MIG' || (has(self.partitioning.migProfiles) && size(self.partitioning.migProfiles) > 0)",
    "partitioning.migProfiles is required when partitioning.mode is MIG", FieldPath = ".partitioning.migProfiles")]
[CelRule("self.partitioning.mode != 'TimeSlicing' || (has(self.partitioning.timeSlicingReplicas) && self.partitioning.timeSlicingReplicas >= 2)",
    "partitioning.timeSlicingReplicas must be at least 2 when partitioning.mode is TimeSlicing", FieldPath = ".partitioning.timeSlicingReplicas")]
[CelRule("self.partitioning.mode == 'MIG' || !has(self.partitioning.migProfiles) || size(self.partitioning.migProfiles) == 0",
    "partitioning.migProfiles is only allowed when partitioning.mode is MIG", FieldPath = ".partitioning.migProfiles")]
public sealed class GpuPoolSpec
{
    [Required]
    [Description("The SovereignProfile (customer) the pool belongs to.")]
    public ObjectReference ProfileRef { get; set; } = new();

    [Required]
    [Length(1, 63)]
    [Description("Region of the pool's nodes; must be allowed by the profile's residency policy.")]
    public string Region { get; set; } = string.Empty;

    [ListSet]
    [Description("Zones of the pool's nodes, when the pool spans only some zones of the region.")]
    public List<string> Zones { get; set; } = [];

    [Required]
    [Description("Labels that select the pool's nodes, e.g. sovereignops.io/pool: th-h100.")]
    public Dictionary<string, string> NodeSelector { get; set; } = [];

    [Required]
    [Minimum(1)]
    [Maximum(10000)]
    [Description("Number of nodes the pool is sized for; used to plan offline before the nodes exist.")]
    public int NodeCount { get; set; } = 1;

    [Required]
    [Description("The GPUs in each node.")]
    public GpuSpec Gpu { get; set; } = new();

    [Required]
    [Description("How GPUs are shared between workloads.")]
    public GpuPartitioning Partitioning { get; set; } = new();

    [ListSet]
    [ItemsPattern(ApiGroup.DataClassPattern)]
    [Description("Data classes that may run on the pool; empty allows every class of the policy.")]
    public List<string> AllowedDataClasses { get; set; } = [];

    [Default(false)]
    [Description("The pool's nodes are dedicated to this customer and tainted accordingly.")]
    public bool Dedicated { get; set; }

    [ItemCount(0, 32)]
    [Description("Tolerations added to every pod placed on the pool.")]
    public List<Toleration> Tolerations { get; set; } = [];
}

public sealed class GpuSpec
{
    [Required]
    [OneOf("A100-40GB", "A100-80GB", "H100-80GB", "H100-94GB", "H200-141GB", "B200-192GB", "L40S-48GB", "L4-24GB", "MI300X-192GB")]
    [Description("GPU model.")]
    public string Model { get; set; } = string.Empty;

    [Required]
    [Minimum(1)]
    [Maximum(1024)]
    [Description("Usable memory per GPU in GiB.")]
    public int MemoryGiB { get; set; }

    [Required]
    [Minimum(1)]
    [Maximum(16)]
    [Description("GPUs per node.")]
    public int PerNode { get; set; } = 8;

    [Required]
    [OneOf("NVLink", "PCIe", "InfinityFabric")]
    [Description("How the GPUs of a node are connected. Without NVLink, tensor parallelism across GPUs is slow.")]
    public string Interconnect { get; set; } = "NVLink";

    [Default("nvidia.com/gpu")]
    [Description("Extended resource name of a whole GPU.")]
    public string ResourceName { get; set; } = "nvidia.com/gpu";
}

public sealed class GpuPartitioning
{
    [Required]
    [OneOf("None", "MIG", "TimeSlicing")]
    [Default("None")]
    [Description("None: whole GPUs. MIG: hardware partitions. TimeSlicing: GPUs shared in time.")]
    public string Mode { get; set; } = "None";

    [ListMap("profile")]
    [ItemCount(0, 8)]
    [Description("MIG partitions of each GPU when the mode is MIG.")]
    public List<MigProfile> MigProfiles { get; set; } = [];

    [Minimum(2)]
    [Maximum(64)]
    [Description("How many workloads share one GPU when the mode is TimeSlicing.")]
    public int? TimeSlicingReplicas { get; set; }
}

public sealed class MigProfile
{
    [Required]
    [Pattern("^[1-7]g\\.[0-9]+gb$")]
    [Description("MIG profile, e.g. 3g.40gb; exposed as the resource nvidia.com/mig-3g.40gb.")]
    public string Profile { get; set; } = string.Empty;

    [Required]
    [Minimum(1)]
    [Maximum(7)]
    [Description("Partitions of this profile per GPU.")]
    public int PerGpu { get; set; } = 1;
}

public sealed class GpuPoolStatus : IResourceStatus
{
    [Description("The metadata.generation the status reflects.")]
    public long? ObservedGeneration { get; set; }

    [ListMap("type")]
    [Description("Current state: Ready, NodesPresent.")]
    public List<Condition> Conditions { get; set; } = [];

    [Description("Nodes matching the selector.")]
    public int Nodes { get; set; }

    [Description("Matching nodes that are Ready.")]
    public int ReadyNodes { get; set; }

    [Description("GPUs on ready nodes.")]
    public int CapacityGpus { get; set; }

    [Description("GPUs allocated to ModelDeployments.")]
    public int AllocatedGpus { get; set; }

    [Description("GPUs not allocated.")]
    public int FreeGpus { get; set; }

    [ListMap("model")]
    [Description("GPUs allocated per ModelDeployment (namespace/name).")]
    public List<PoolAllocation> Allocations { get; set; } = [];
}

public sealed class PoolAllocation
{
    [Required]
    [Description("namespace/name of the ModelDeployment.")]
    public string Model { get; set; } = string.Empty;

    [Description("Whole GPUs allocated (GPU equivalents for MIG slices, rounded up per GPU).")]
    public int Gpus { get; set; }

    [Description("The resource the allocation is made of, e.g. nvidia.com/gpu or nvidia.com/mig-3g.40gb.")]
    public string? Resource { get; set; }

    [Description("Units of the resource allocated.")]
    public int Units { get; set; }
}
