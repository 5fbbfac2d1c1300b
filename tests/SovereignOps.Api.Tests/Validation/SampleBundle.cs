using k8s.Models;
using SovereignOps.Api.Bundles;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Tests.Validation;

/// <summary>
/// A small valid bundle built in code — one Thai customer with a dedicated whole-GPU pool for secret data,
/// a MIG pool for public data, two models and a catalog — that each rule test breaks in one place.
/// </summary>
internal static class SampleBundle
{
    public const string Tenant = "moph";

    public static Bundle Create() => new()
    {
        Policies = [Policy()],
        Profiles = [Profile()],
        Pools = [SecurePool(), SharedPool()],
        Models = [OmniModel(), SpeechModel()],
        Catalogs = [Catalog()],
    };

    public static DataResidencyPolicy Policy() => new()
    {
        Metadata = new V1ObjectMeta { Name = "th-pdpa" },
        Spec = new DataResidencyPolicySpec
        {
            Country = "TH",
            DataClasses =
            [
                new DataClass { Name = "Secret", InCountryOnly = true, DedicatedNodes = true, GpuSharingAllowed = false },
                new DataClass { Name = "PersonalData", InCountryOnly = true },
                new DataClass { Name = "Public", InCountryOnly = false },
            ],
            Regions = new ResidencyRegions { Allowed = ["th-bangkok", "th-nonthaburi"], ZoneLabelKey = "topology.kubernetes.io/zone", AllowedZones = ["th-bangkok-a", "th-bangkok-b"] },
            CrossBorder = new CrossBorderRules { Mode = "Deny" },
            Egress = new EgressRules { AllowedCidrs = ["10.20.0.0/16", "203.0.113.0/24"] },
            Storage = new StorageRules { AllowedStorageClasses = ["th-ceph-encrypted"] },
        },
    };

    public static SovereignProfile Profile() => new()
    {
        Metadata = new V1ObjectMeta { Name = "moph" },
        Spec = new SovereignProfileSpec
        {
            Country = "TH",
            Customer = "Ministry of Public Health",
            ResidencyPolicyRef = new ObjectReference { Name = "th-pdpa" },
            TenantNamespace = Tenant,
            Registry = new RegistryMirror { Mirror = "registry.moph.go.th/sovereign", AirGapped = true },
            DefaultGpuPool = "moph-h100",
        },
    };

    public static GpuPool SecurePool() => new()
    {
        Metadata = new V1ObjectMeta { Name = "moph-h100" },
        Spec = new GpuPoolSpec
        {
            ProfileRef = new ObjectReference { Name = "moph" },
            Region = "th-bangkok",
            Zones = ["th-bangkok-a"],
            NodeSelector = new Dictionary<string, string> { ["sovereignops.io/pool"] = "moph-h100" },
            NodeCount = 2,
            Gpu = new GpuSpec { Model = "H100-80GB", MemoryGiB = 80, PerNode = 8, Interconnect = "NVLink" },
            Partitioning = new GpuPartitioning { Mode = "None" },
            AllowedDataClasses = ["Secret", "PersonalData"],
            Dedicated = true,
        },
    };

    public static GpuPool SharedPool() => new()
    {
        Metadata = new V1ObjectMeta { Name = "moph-a100-mig" },
        Spec = new GpuPoolSpec
        {
            ProfileRef = new ObjectReference { Name = "moph" },
            Region = "th-nonthaburi",
            NodeSelector = new Dictionary<string, string> { ["sovereignops.io/pool"] = "moph-a100-mig" },
            NodeCount = 1,
            Gpu = new GpuSpec { Model = "A100-80GB", MemoryGiB = 80, PerNode = 4, Interconnect = "NVLink" },
            Partitioning = new GpuPartitioning { Mode = "MIG", MigProfiles = [new MigProfile { Profile = "3g.40gb", PerGpu = 2 }] },
            AllowedDataClasses = ["PersonalData", "Public"],
        },
    };

    public static ModelDeployment OmniModel() => new()
    {
        Metadata = new V1ObjectMeta { Name = "typhoon-omni", NamespaceProperty = Tenant },
        Spec = new ModelDeploymentSpec
        {
            Model = new ModelIdentity { Name = "typhoon-omni", Version = "2.1" },
            ParametersBillions = 70,
            Precision = "fp8",
            Modalities = ["text", "image"],
            Weights = new WeightsSource { Uri = "oci://registry.moph.go.th/models/typhoon-omni:2.1", CacheStorageClass = "th-ceph-encrypted" },
            Runtime = new ServingRuntime { Engine = "vllm" },
            DataClass = "Secret",
            GpuPoolRef = new ObjectReference { Name = "moph-h100" },
        },
    };

    public static ModelDeployment SpeechModel() => new()
    {
        Metadata = new V1ObjectMeta { Name = "thai-asr", NamespaceProperty = Tenant },
        Spec = new ModelDeploymentSpec
        {
            Model = new ModelIdentity { Name = "thai-asr", Version = "1.0" },
            ParametersBillions = 2,
            Precision = "bf16",
            Modalities = ["speech", "text"],
            Weights = new WeightsSource { Uri = "s3://moph-models/thai-asr/1.0" },
            Runtime = new ServingRuntime { Engine = "triton" },
            DataClass = "PersonalData",
            GpuPoolRef = new ObjectReference { Name = "moph-a100-mig" },
        },
    };

    public static AgentCatalog Catalog() => new()
    {
        Metadata = new V1ObjectMeta { Name = "siam-health", NamespaceProperty = Tenant },
        Spec = new AgentCatalogSpec
        {
            Vendor = "Siam Health AI",
            Agents =
            [
                new AgentEntry
                {
                    Name = "triage",
                    Vendor = "Siam Health AI",
                    Domain = "Medicine",
                    Version = "1.4.0",
                    Image = new ImageReference { Repository = "siamhealth/triage", Tag = "1.4.0" },
                    Model = new AgentModelBinding { Ref = new ObjectReference { Name = "typhoon-omni" } },
                    DataClasses = ["Secret"],
                    EgressAllowList = [new EgressTarget { Cidr = "10.20.30.0/24", Ports = [443] }],
                    Approval = new Approval { State = "Approved", ApprovedBy = "moph-digital-health" },
                },
                new AgentEntry
                {
                    Name = "dictation",
                    Vendor = "Siam Health AI",
                    Domain = "Medicine",
                    Version = "0.9.0",
                    Image = new ImageReference { Repository = "siamhealth/dictation", Tag = "0.9.0" },
                    Model = new AgentModelBinding { RequiredModalities = ["speech"] },
                    DataClasses = ["PersonalData"],
                    Approval = new Approval { State = "Pending" },
                },
            ],
        },
    };
}
