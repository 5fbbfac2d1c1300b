using k8s;
using k8s.Models;
using SovereignOps.Api.Bundles;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Planning;
using SovereignOps.Planning.Guard;
using SovereignOps.Planning.Placement;

namespace SovereignOps.Benchmarks.Planning;

/// <summary>
/// One customer at realistic scale for the planner and the guard: a policy, a profile, two GPU pools,
/// <c>models</c> ModelDeployments and <c>agents</c> approved catalog entries, plus the objects the
/// charts render for them (pod templates with placement and restricted security, Services, claims,
/// NetworkPolicies), built directly so the benchmark measures planning and checking, not helm.
/// </summary>
internal static class SyntheticStack
{
    private const string Tenant = "gov-bench";
    private const string Mirror = "registry.gov.example/sovereign";

    public static Bundle Bundle(int models, int agents)
    {
        var bundle = new Bundle
        {
            Policies = [Policy()],
            Profiles = [Profile()],
            Pools = [Pool("bench-h100", "H100-80GB", 80, 8, "NVLink"), Pool("bench-l40s", "L40S-48GB", 48, 16, "PCIe")],
        };
        double[] sizes = [8, 70, 14, 32, 8, 3, 70, 8, 14, 1];
        for (var i = 0; i < models; i++)
        {
            bundle.Models.Add(Model($"model-{i:00}", sizes[i % sizes.Length], i % 2 == 0 ? "bench-h100" : "bench-l40s", i % 3));
        }

        const int perCatalog = 10;
        for (var c = 0; c * perCatalog < agents; c++)
        {
            var entries = Enumerable.Range(c * perCatalog, Math.Min(perCatalog, agents - (c * perCatalog)))
                .Select(i => Agent($"agent-{i:00}", i % 2 == 0 ? $"model-{i % models:00}" : null))
                .ToList();
            bundle.Catalogs.Add(new AgentCatalog
            {
                Metadata = new V1ObjectMeta { Name = $"vendor-{c}", NamespaceProperty = Tenant },
                Spec = new AgentCatalogSpec { Vendor = $"vendor-{c}", Agents = entries },
            });
        }

        return bundle;
    }

    /// <summary>What the charts would render for the plan: the guard's input.</summary>
    public static IReadOnlyList<GuardedObject> Rendered(BundlePlan plan)
    {
        var profile = plan.Profiles.Single();
        var objects = new List<GuardedObject>
        {
            GuardedObject.Plain(new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = Tenant } }),
            GuardedObject.Plain(DenyAll("default-deny-ingress", "Ingress")),
            GuardedObject.Plain(DenyAll("default-deny-egress", "Egress")),
        };
        foreach (var model in profile.Models)
        {
            var name = model.Model.Metadata.Name!;
            var pod = Pod(model.Placement!.Placement!, "vllm/vllm-openai:v0.11.0", model.Capacity.Layout!.ResourceName);
            objects.Add(new GuardedObject(Workload(name, pod), model.Capacity.Pool, [model.Model.Spec.DataClass]));
            objects.Add(GuardedObject.Plain(Service(name)));
            objects.Add(GuardedObject.Plain(Claim(name)));
            objects.Add(GuardedObject.Plain(Egress(name)));
        }

        foreach (var agent in profile.Agents)
        {
            var name = agent.Entry.Name;
            objects.Add(new GuardedObject(Workload(name, Pod(agent.Placement.Placement!, $"vendor/{name}:1.0.0", null)), null, agent.Entry.DataClasses));
            objects.Add(GuardedObject.Plain(Service(name)));
            objects.Add(GuardedObject.Plain(Egress(name)));
        }

        return objects;
    }

    public static GuardContext Context(BundlePlan plan) => plan.Profiles.Single().GuardContext;

    private static DataResidencyPolicy Policy() => new()
    {
        Metadata = new V1ObjectMeta { Name = "bench-policy" },
        Spec = new DataResidencyPolicySpec
        {
            Country = "TH",
            DataClasses = [new DataClass { Name = "Restricted", GpuSharingAllowed = false }, new DataClass { Name = "Public" }],
            Regions = new ResidencyRegions { Allowed = ["region-a", "region-b"] },
            Egress = new EgressRules { AllowedCidrs = ["10.30.0.0/16"] },
            Storage = new StorageRules { AllowedStorageClasses = ["encrypted"] },
        },
    };

    private static SovereignProfile Profile() => new()
    {
        Metadata = new V1ObjectMeta { Name = "bench" },
        Spec = new SovereignProfileSpec
        {
            Country = "TH",
            Customer = "Benchmark Ministry",
            ResidencyPolicyRef = new ObjectReference { Name = "bench-policy" },
            TenantNamespace = Tenant,
            Registry = new RegistryMirror { Mirror = Mirror },
        },
    };

    private static GpuPool Pool(string name, string gpu, int memory, int nodes, string interconnect) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new GpuPoolSpec
        {
            ProfileRef = new ObjectReference { Name = "bench" },
            Region = "region-a",
            NodeSelector = new Dictionary<string, string> { ["sovereignops.io/pool"] = name },
            NodeCount = nodes,
            Gpu = new GpuSpec { Model = gpu, MemoryGiB = memory, PerNode = 8, Interconnect = interconnect },
            Partitioning = new GpuPartitioning(),
        },
    };

    private static ModelDeployment Model(string name, double billions, string pool, int priority) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Tenant },
        Spec = new ModelDeploymentSpec
        {
            Model = new ModelIdentity { Name = name, Version = "1" },
            ParametersBillions = billions,
            Precision = "bf16",
            Modalities = ["text"],
            Weights = new WeightsSource { Uri = $"s3://weights.gov.example/{name}" },
            Runtime = new ServingRuntime { Engine = "vllm" },
            DataClass = priority == 0 ? "Restricted" : "Public",
            GpuPoolRef = new ObjectReference { Name = pool },
            Replicas = 2,
            Priority = priority,
        },
    };

    private static AgentEntry Agent(string name, string? model) => new()
    {
        Name = name,
        Vendor = "vendor",
        Version = "1.0.0",
        Image = new ImageReference { Repository = $"vendor/{name}", Tag = "1.0.0" },
        Model = new AgentModelBinding { Ref = model is null ? null : new ObjectReference { Name = model }, RequiredModalities = model is null ? ["text"] : [] },
        DataClasses = ["Public"],
        EgressAllowList = [new EgressTarget { Cidr = "10.30.4.0/24" }],
        Approval = new Approval { State = "Approved", ApprovedBy = "reviewer" },
    };

    private static V1PodSpec Pod(WorkloadPlacement placement, string image, string? gpu) => new()
    {
        SecurityContext = new V1PodSecurityContext { RunAsNonRoot = true, SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" } },
        Affinity = new V1Affinity { NodeAffinity = placement.NodeAffinity },
        Tolerations = [.. placement.Tolerations],
        Containers =
        [
            new V1Container
            {
                Name = "server",
                Image = $"{Mirror}/{image}",
                SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, Capabilities = new V1Capabilities { Drop = ["ALL"] } },
                Resources = gpu is null ? null : new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { [gpu] = new("1") } },
            },
        ],
        Volumes = [new V1Volume { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource() }],
    };

    private static V1Deployment Workload(string name, V1PodSpec pod) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = Meta(name),
        Spec = new V1DeploymentSpec { Selector = new V1LabelSelector(), Template = new V1PodTemplateSpec { Spec = pod } },
    };

    private static V1Service Service(string name) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = Meta(name),
        Spec = new V1ServiceSpec { Type = "ClusterIP", Ports = [new V1ServicePort { Port = 8000 }] },
    };

    private static V1PersistentVolumeClaim Claim(string name) => new()
    {
        ApiVersion = "v1",
        Kind = "PersistentVolumeClaim",
        Metadata = Meta(name + "-weights"),
        Spec = new V1PersistentVolumeClaimSpec { StorageClassName = "encrypted" },
    };

    private static V1NetworkPolicy Egress(string name) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = Meta(name),
        Spec = new V1NetworkPolicySpec
        {
            PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app.kubernetes.io/instance"] = name } },
            PolicyTypes = ["Egress"],
            Egress = [new V1NetworkPolicyEgressRule { To = [new V1NetworkPolicyPeer { IpBlock = new V1IPBlock { Cidr = "10.30.4.0/24" } }] }],
        },
    };

    private static V1NetworkPolicy DenyAll(string name, string direction) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = Meta(name),
        Spec = new V1NetworkPolicySpec { PodSelector = new V1LabelSelector(), PolicyTypes = [direction] },
    };

    private static V1ObjectMeta Meta(string name) => new() { Name = name, NamespaceProperty = Tenant };
}
