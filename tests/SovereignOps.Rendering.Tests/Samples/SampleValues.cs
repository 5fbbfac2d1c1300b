using k8s.Models;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering.Tests.Samples;

/// <summary>Chart values as the planner would produce them for a Thai government tenant.</summary>
internal static class SampleValues
{
    public const string Namespace = "tenant-th-gov";
    public const string OwnerUid = "6f1c2b1e-3f5d-4c1a-9a53-0d6f2c1b7e11";

    public static IReadOnlyDictionary<string, string> InventoryLabels => new Dictionary<string, string>
    {
        ["app.kubernetes.io/managed-by"] = "sovereignops",
        ["app.kubernetes.io/part-of"] = "th-gov",
        ["sovereignops.io/owner-uid"] = OwnerUid,
    };

    public static V1NodeAffinity RegionAffinity => new()
    {
        RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector
        {
            NodeSelectorTerms =
            [
                new V1NodeSelectorTerm
                {
                    MatchExpressions =
                    [
                        new V1NodeSelectorRequirement { Key = "topology.kubernetes.io/region", OperatorProperty = "In", Values = ["th-bangkok-1", "th-nonthaburi-1"] },
                        new V1NodeSelectorRequirement { Key = "sovereignops.io/pool", OperatorProperty = "In", Values = ["th-h100"] },
                    ],
                },
            ],
        },
    };

    public static PlacementValues H100Placement => new()
    {
        NodeSelector = new Dictionary<string, string> { ["sovereignops.io/pool"] = "th-h100" },
        NodeAffinity = RegionAffinity,
        Tolerations =
        [
            new V1Toleration { Key = "nvidia.com/gpu", OperatorProperty = "Exists", Effect = "NoSchedule" },
            new V1Toleration { Key = "sovereignops.io/dedicated", OperatorProperty = "Equal", Value = "th-gov", Effect = "NoSchedule" },
        ],
    };

    public static ImageValues MirrorImage(string repository, string tag) => new() { Repository = "registry.gov.th.internal/mirror/" + repository, Tag = tag };

    /// <summary>A 70B model on four GPUs of one node, weights on an existing claim.</summary>
    public static ModelChartValues VllmTensorParallel => new()
    {
        Name = "typhoon-70b",
        Namespace = Namespace,
        Labels = InventoryLabels,
        Model = new() { ServedName = "typhoon-70b-instruct", Version = "2.0", DataClass = "confidential" },
        Runtime = new() { Engine = RuntimeEngine.Vllm, Image = MirrorImage("vllm/vllm-openai", "v0.11.0") },
        Workload = new() { Replicas = 2 },
        Parallelism = new() { TensorParallelSize = 4 },
        Serving = new() { MaxModelLength = 32768, MaxConcurrentSequences = 32 },
        Resources = new()
        {
            Gpu = new() { ResourceName = "nvidia.com/gpu", Count = 4 },
            Requests = new() { Cpu = "16", Memory = "256Gi" },
            Limits = new() { Memory = "256Gi" },
            SharedMemorySize = "32Gi",
        },
        Weights = WeightsValues.FromClaim("typhoon-70b-weights", "typhoon-70b/2.0"),
        Placement = H100Placement,
    };

    /// <summary>A 405B model whose pipeline stages span two nodes, weights fetched per pod.</summary>
    public static ModelChartValues VllmMultiNode => VllmTensorParallel with
    {
        Name = "llama-405b",
        Model = new() { ServedName = "llama-3.1-405b-instruct", Version = "3.1", DataClass = "restricted" },
        Workload = new() { Kind = WorkloadKind.StatefulSet, Replicas = 2 },
        Parallelism = new() { TensorParallelSize = 8, PipelineParallelSize = 2, NodesPerReplica = 2 },
        Serving = new() { MaxModelLength = 16384, MaxConcurrentSequences = 16 },
        Resources = new() { Gpu = new() { ResourceName = "nvidia.com/gpu", Count = 8 }, Requests = new() { Cpu = "32", Memory = "512Gi" }, Limits = new() { Memory = "512Gi" } },
        Weights = WeightsValues.FromUri(
            "s3://weights.gov.th.internal/models/llama-3.1-405b/3.1",
            "sha256:9b2f1c0e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c",
            new WeightsFetcherValues { Image = MirrorImage("sovereignops/weights-fetcher", "0.1.0") },
            new WeightsCacheValues { StorageClassName = "th-bangkok-nvme", Size = "900Gi" }),
        Probes = new() { StartupBudgetSeconds = 3600 },
        Network = new() { Egress = [new EgressRuleValues { Cidr = "10.40.0.0/16", Ports = [new NetworkPortValues { Port = 443 }] }] },
    };

    /// <summary>TGI sharded over two GPUs, autoscaled, with a shared weights cache.</summary>
    public static ModelChartValues TgiAutoscaled => VllmTensorParallel with
    {
        Name = "seallm-13b",
        Model = new() { ServedName = "seallm-13b-chat", Version = "3", DataClass = "internal" },
        Runtime = new() { Engine = RuntimeEngine.Tgi, Image = MirrorImage("huggingface/text-generation-inference", "3.3.4") },
        Parallelism = new() { TensorParallelSize = 2 },
        Serving = new() { MaxModelLength = 8192, MaxInputTokens = 6144, MaxConcurrentSequences = 128 },
        Resources = new() { Gpu = new() { ResourceName = "nvidia.com/gpu", Count = 2 } },
        Weights = WeightsValues.FromUri(
            "https://objects.gov.th.internal/models/seallm-13b/3",
            string.Empty,
            new WeightsFetcherValues { Image = MirrorImage("sovereignops/weights-fetcher", "0.1.0") },
            new WeightsCacheValues { StorageClassName = "th-bangkok-cephfs", Size = "60Gi", AccessMode = "ReadWriteMany" }),
        Autoscaling = new() { Enabled = true, MinReplicas = 2, MaxReplicas = 6, Metric = new() { Name = "tgi_queue_size", AverageValue = "8" } },
    };

    /// <summary>Triton serving a model repository from an OCI artifact.</summary>
    public static ModelChartValues TritonOci => VllmTensorParallel with
    {
        Name = "speech-asr",
        Model = new() { ServedName = "whisper-large-v3-th", Version = "3", DataClass = "public" },
        Runtime = new() { Engine = RuntimeEngine.Triton, Image = MirrorImage("nvidia/tritonserver", "25.01-py3") },
        Parallelism = new(),
        Serving = new() { MaxModelLength = 448, MaxConcurrentSequences = 64 },
        Resources = new() { Gpu = new() { ResourceName = "nvidia.com/gpu", Count = 1 } },
        Weights = WeightsValues.FromOciArtifact(MirrorImage("models/whisper-large-v3-th-repository", "3")),
    };

    /// <summary>An 8B model on one MIG slice.</summary>
    public static ModelChartValues VllmMig => VllmTensorParallel with
    {
        Name = "typhoon-8b",
        Model = new() { ServedName = "typhoon-8b-instruct", Version = "2.0", DataClass = "internal" },
        Workload = new() { Replicas = 1 },
        Parallelism = new(),
        Serving = new() { MaxModelLength = 8192, MaxConcurrentSequences = 16 },
        Resources = new() { Gpu = new() { ResourceName = "nvidia.com/mig-3g.40gb", Count = 1 } },
        Weights = WeightsValues.FromClaim("typhoon-8b-weights"),
    };

    public static IEnumerable<ModelChartValues> AllModels =>
        [VllmTensorParallel, VllmMultiNode, TgiAutoscaled, TritonOci, VllmMig];

    /// <summary>A high-risk medical agent bound to the 70B model, with two tool endpoints.</summary>
    public static AgentChartValues TriageAgent => new()
    {
        Name = "triage-assistant",
        Namespace = Namespace,
        Labels = InventoryLabels,
        Agent = new()
        {
            Catalog = "siriraj-medical",
            Vendor = "Siriraj Digital Health",
            Domain = "medicine",
            Version = "2.3.1",
            DataClasses = ["personal-health", "internal"],
            RiskTier = "high",
            HumanReview = true,
        },
        Image = MirrorImage("vendors/siriraj/triage-assistant", "2.3.1"),
        Replicas = 2,
        Model = new()
        {
            Name = "typhoon-70b-instruct",
            Endpoint = "http://typhoon-70b.tenant-th-gov.svc:8000/v1",
            PodLabels = new Dictionary<string, string>
            {
                ["app.kubernetes.io/name"] = "sovereign-model",
                ["app.kubernetes.io/instance"] = "typhoon-70b",
                ["sovereignops.io/rank-role"] = "server",
            },
            Ports = [8000],
        },
        Network = new()
        {
            Clients = [new NetworkPeerValues { PodLabels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "gateway" }, NamespaceLabels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "th-gov-gateway" } }],
            Egress =
            [
                new EgressRuleValues { Cidr = "10.60.12.0/24", Ports = [new NetworkPortValues { Port = 443 }] },
                new EgressRuleValues { Cidr = "10.60.40.17/32", Ports = [new NetworkPortValues { Port = 5432 }] },
            ],
        },
        Placement = H100Placement with { NodeSelector = new Dictionary<string, string> { ["sovereignops.io/node-role"] = "tenant-cpu" } },
    };

    public static TenantChartValues ThaiGovernmentTenant => new()
    {
        Namespace = Namespace,
        Labels = InventoryLabels,
        Profile = new() { Name = "th-gov", Country = "TH", Customer = "Digital Government Development Agency" },
        PodSecurity = new() { Version = "v1.34" },
        Quota = new()
        {
            Accelerators = new Dictionary<string, int> { ["nvidia.com/gpu"] = 16, ["nvidia.com/mig-3g.40gb"] = 8 },
            Compute = new() { RequestsCpu = "512", RequestsMemory = "4Ti", LimitsMemory = "4Ti", RequestsStorage = "40Ti", PersistentVolumeClaims = 100, Pods = 400 },
        },
        Rbac = new() { OwnerGroups = ["dga-ai-platform-admins", "dga-ai-model-owners"] },
        Storefront = new()
        {
            Agents =
            [
                new StorefrontAgentValues { Name = "tax-helper", Catalog = "revenue-dept", Vendor = "Revenue Department", Domain = "tax", Version = "1.2.0", Endpoint = "http://tax-helper.tenant-th-gov.svc", RiskTier = "limited", HumanReview = false },
                new StorefrontAgentValues { Name = "citizen-faq", Catalog = "dga-core", Vendor = "DGA", Domain = "public-services", Version = "3.0.1", Endpoint = "http://citizen-faq.tenant-th-gov.svc", RiskTier = "minimal", HumanReview = false },
            ],
        },
    };
}
