using k8s.Models;
using SovereignOps.Api.Bundles;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Planning.Tests;

/// <summary>Small, valid resources for planner and guard tests; each test changes only what it is about.</summary>
internal static class Fixtures
{
    public const string Tenant = "gov-th";
    public const string Mirror = "registry.gov.th/sovereign";
    public const string RegionKey = "topology.kubernetes.io/region";

    public static DataResidencyPolicy Policy(Action<DataResidencyPolicySpec>? change = null)
    {
        var policy = new DataResidencyPolicy
        {
            Metadata = new V1ObjectMeta { Name = "th-pdpa" },
            Spec = new DataResidencyPolicySpec
            {
                Country = "TH",
                DataClasses =
                [
                    new DataClass { Name = "Secret", DedicatedNodes = true, GpuSharingAllowed = false },
                    new DataClass { Name = "HealthRecords", GpuSharingAllowed = false },
                    new DataClass { Name = "Public" },
                ],
                Regions = new ResidencyRegions { NodeLabelKey = RegionKey, Allowed = ["th-central", "th-north"] },
                Egress = new EgressRules { AllowedCidrs = ["10.20.0.0/16"] },
                Storage = new StorageRules { AllowedStorageClasses = ["th-encrypted"] },
            },
        };
        change?.Invoke(policy.Spec);
        return policy;
    }

    public static SovereignProfile Profile(Action<SovereignProfileSpec>? change = null)
    {
        var profile = new SovereignProfile
        {
            Metadata = new V1ObjectMeta { Name = "thailand" },
            Spec = new SovereignProfileSpec
            {
                Country = "TH",
                Customer = "Ministry of Digital Economy and Society",
                ResidencyPolicyRef = new ObjectReference { Name = "th-pdpa" },
                TenantNamespace = Tenant,
                Registry = new RegistryMirror { Mirror = Mirror },
                DefaultGpuPool = "th-h100",
            },
        };
        change?.Invoke(profile.Spec);
        return profile;
    }

    public static GpuPool H100Pool(string name = "th-h100", int nodes = 2, Action<GpuPoolSpec>? change = null) =>
        Pool(name, "H100-80GB", 80, perNode: 8, nodes, "NVLink", change);

    public static GpuPool L40sPool(string name = "th-l40s", int nodes = 2, Action<GpuPoolSpec>? change = null) =>
        Pool(name, "L40S-48GB", 48, perNode: 8, nodes, "PCIe", change);

    public static GpuPool MigPool(string name = "th-mig", int nodes = 1, int perNode = 2) =>
        Pool(name, "H100-80GB", 80, perNode, nodes, "NVLink", spec =>
        {
            spec.Partitioning = new GpuPartitioning { Mode = "MIG", MigProfiles = [new MigProfile { Profile = "3g.40gb", PerGpu = 2 }] };
        });

    public static GpuPool Pool(string name, string gpuModel, int memoryGiB, int perNode, int nodes, string interconnect, Action<GpuPoolSpec>? change = null)
    {
        var pool = new GpuPool
        {
            Metadata = new V1ObjectMeta { Name = name },
            Spec = new GpuPoolSpec
            {
                ProfileRef = new ObjectReference { Name = "thailand" },
                Region = "th-central",
                NodeSelector = new Dictionary<string, string> { ["sovereignops.io/pool"] = name },
                NodeCount = nodes,
                Gpu = new GpuSpec { Model = gpuModel, MemoryGiB = memoryGiB, PerNode = perNode, Interconnect = interconnect },
                Partitioning = new GpuPartitioning(),
                Tolerations = [new Toleration { Key = "nvidia.com/gpu", Operator = "Exists", Effect = "NoSchedule" }],
            },
        };
        change?.Invoke(pool.Spec);
        return pool;
    }

    public static ModelDeployment Model(string name, double billions, string precision = "bf16", string pool = "th-h100",
        Action<ModelDeploymentSpec>? change = null)
    {
        var model = new ModelDeployment
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Tenant },
            Spec = new ModelDeploymentSpec
            {
                Model = new ModelIdentity { Name = name, Version = "1" },
                ParametersBillions = billions,
                Precision = precision,
                Modalities = ["text"],
                Weights = new WeightsSource { Uri = $"s3://weights.gov.th/{name}" },
                Runtime = new ServingRuntime { Engine = "vllm" },
                ContextLength = 8192,
                MaxConcurrentSequences = 16,
                DataClass = "Public",
                GpuPoolRef = new ObjectReference { Name = pool },
                Replicas = 1,
            },
        };
        change?.Invoke(model.Spec);
        return model;
    }

    public static AgentCatalog Catalog(string name, params AgentEntry[] agents) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Tenant },
        Spec = new AgentCatalogSpec { Vendor = "vendor", Agents = [.. agents] },
    };

    public static AgentEntry Agent(string name, string? modelRef = null, string[]? modalities = null, string state = "Approved") => new()
    {
        Name = name,
        Vendor = "vendor",
        Version = "1.0.0",
        Image = new ImageReference { Repository = $"vendor/{name}", Tag = "1.0.0" },
        Model = new AgentModelBinding
        {
            Ref = modelRef is null ? null : new ObjectReference { Name = modelRef },
            RequiredModalities = [.. modalities ?? []],
        },
        DataClasses = ["Public"],
        Approval = new Approval { State = state, ApprovedBy = "reviewer" },
    };

    public static Bundle Bundle(IEnumerable<GpuPool> pools, IEnumerable<ModelDeployment> models, params V1Node[] nodes) => new()
    {
        Policies = [Policy()],
        Profiles = [Profile()],
        Pools = [.. pools],
        Models = [.. models],
        Nodes = [.. nodes],
    };

    public static V1Node Node(string name, string pool, IDictionary<string, string> allocatable, bool ready = true) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Labels = new Dictionary<string, string> { ["sovereignops.io/pool"] = pool, [RegionKey] = "th-central" },
        },
        Status = new V1NodeStatus
        {
            Allocatable = allocatable.ToDictionary(p => p.Key, p => new ResourceQuantity(p.Value)),
            Conditions = [new V1NodeCondition { Type = "Ready", Status = ready ? "True" : "False" }],
        },
    };
}
