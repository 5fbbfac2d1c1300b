using k8s;
using k8s.Models;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Planning.Guard;

namespace SovereignOps.Planning.Tests.Guard;

/// <summary>
/// A rendered object set that obeys every residency rule: the starting point every adversarial
/// variant mutates one thing of.
/// </summary>
internal sealed class CompliantSet
{
    public const string Ns = Fixtures.Tenant;

    public DataResidencyPolicy Policy { get; } = Fixtures.Policy();

    public SovereignProfile Profile { get; } = Fixtures.Profile();

    public GpuPool Pool { get; } = Fixtures.H100Pool();

    public V1Namespace Namespace { get; } = new()
    {
        ApiVersion = "v1",
        Kind = "Namespace",
        Metadata = new V1ObjectMeta { Name = Ns, Labels = new Dictionary<string, string> { ["pod-security.kubernetes.io/enforce"] = "restricted" } },
    };

    public V1NetworkPolicy DenyIngress { get; } = DenyAll("default-deny-ingress", "Ingress");

    public V1NetworkPolicy DenyEgress { get; } = DenyAll("default-deny-egress", "Egress");

    public V1NetworkPolicy ModelEgress { get; } = new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = Meta("typhoon"),
        Spec = new V1NetworkPolicySpec
        {
            PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app.kubernetes.io/instance"] = "typhoon" } },
            PolicyTypes = ["Egress"],
            Egress =
            [
                new V1NetworkPolicyEgressRule { To = [new V1NetworkPolicyPeer { IpBlock = new V1IPBlock { Cidr = "10.20.1.0/24" } }] },
                new V1NetworkPolicyEgressRule
                {
                    To =
                    [
                        new V1NetworkPolicyPeer
                        {
                            NamespaceSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "kube-system" } },
                            PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["k8s-app"] = "kube-dns" } },
                        },
                    ],
                    Ports = [new V1NetworkPolicyPort { Port = 53, Protocol = "UDP" }],
                },
            ],
        },
    };

    public V1Deployment Model { get; } = new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = Meta("typhoon"),
        Spec = new V1DeploymentSpec
        {
            Selector = new V1LabelSelector(),
            Template = new V1PodTemplateSpec { Spec = RestrictedPod(withPool: true, gpuResource: "nvidia.com/gpu") },
        },
    };

    public V1StatefulSet LargeModel { get; } = new()
    {
        ApiVersion = "apps/v1",
        Kind = "StatefulSet",
        Metadata = Meta("typhoon-405b"),
        Spec = new V1StatefulSetSpec
        {
            Selector = new V1LabelSelector(),
            Template = new V1PodTemplateSpec { Spec = RestrictedPod(withPool: true, gpuResource: "nvidia.com/gpu") },
            VolumeClaimTemplates = [Claim("weights", "th-encrypted")],
        },
    };

    public V1PersistentVolumeClaim WeightsCache { get; } = Claim("typhoon-weights", "th-encrypted");

    public V1Service ModelService { get; } = new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = Meta("typhoon"),
        Spec = new V1ServiceSpec { Type = "ClusterIP", Ports = [new V1ServicePort { Port = 8000 }] },
    };

    public V1Deployment Agent { get; } = new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = Meta("triage"),
        Spec = new V1DeploymentSpec
        {
            Selector = new V1LabelSelector(),
            Template = new V1PodTemplateSpec { Spec = RestrictedPod(withPool: false, gpuResource: null) },
        },
    };

    /// <summary>Data class the model objects are guarded with.</summary>
    public string ModelDataClass { get; set; } = "Public";

    /// <summary>Objects added by a variant (a Job, a second policy…), guarded without a pool.</summary>
    public List<IKubernetesObject<V1ObjectMeta>> Extra { get; } = [];

    public IReadOnlyList<GuardedObject> Objects =>
    [
        GuardedObject.Plain(Namespace),
        GuardedObject.Plain(DenyIngress),
        GuardedObject.Plain(DenyEgress),
        GuardedObject.Plain(ModelEgress),
        new(Model, Pool, [ModelDataClass]),
        new(LargeModel, Pool, [ModelDataClass]),
        new(WeightsCache, Pool, [ModelDataClass]),
        GuardedObject.Plain(ModelService),
        new(Agent, null, ["Public"]),
        .. Extra.Select(GuardedObject.Plain),
    ];

    public IReadOnlyList<Violation> Check() => ResidencyGuard.Check(new GuardContext(Policy, Profile), Objects);

    public static V1ObjectMeta Meta(string name) => new() { Name = name, NamespaceProperty = Ns };

    public static V1PodSpec RestrictedPod(bool withPool, string? gpuResource)
    {
        var expressions = new List<V1NodeSelectorRequirement>
        {
            new() { Key = Fixtures.RegionKey, OperatorProperty = "In", Values = withPool ? ["th-central"] : ["th-central", "th-north"] },
        };
        if (withPool)
        {
            expressions.Add(new V1NodeSelectorRequirement { Key = "sovereignops.io/pool", OperatorProperty = "In", Values = ["th-h100"] });
        }

        return new V1PodSpec
        {
            SecurityContext = new V1PodSecurityContext
            {
                RunAsNonRoot = true,
                RunAsUser = 1000,
                SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
            },
            Affinity = new V1Affinity
            {
                NodeAffinity = new V1NodeAffinity
                {
                    RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector
                    {
                        NodeSelectorTerms = [new V1NodeSelectorTerm { MatchExpressions = expressions }],
                    },
                },
            },
            InitContainers = [Container("fetch", $"{Fixtures.Mirror}/sovereignops/weights-fetcher:0.1.0", null)],
            Containers = [Container("server", $"{Fixtures.Mirror}/vllm/vllm-openai:v0.11.0", gpuResource)],
            Volumes =
            [
                new V1Volume { Name = "scratch", EmptyDir = new V1EmptyDirVolumeSource() },
                new V1Volume { Name = "weights", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = "typhoon-weights" } },
            ],
        };
    }

    private static V1Container Container(string name, string image, string? gpuResource) => new()
    {
        Name = name,
        Image = image,
        SecurityContext = new V1SecurityContext
        {
            AllowPrivilegeEscalation = false,
            ReadOnlyRootFilesystem = true,
            Capabilities = new V1Capabilities { Drop = ["ALL"] },
        },
        Resources = gpuResource is null
            ? null
            : new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { [gpuResource] = new("1") } },
    };

    private static V1PersistentVolumeClaim Claim(string name, string? storageClass) => new()
    {
        ApiVersion = "v1",
        Kind = "PersistentVolumeClaim",
        Metadata = Meta(name),
        Spec = new V1PersistentVolumeClaimSpec { StorageClassName = storageClass, AccessModes = ["ReadWriteOnce"] },
    };

    private static V1NetworkPolicy DenyAll(string name, string direction) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = Meta(name),
        Spec = new V1NetworkPolicySpec { PodSelector = new V1LabelSelector(), PolicyTypes = [direction] },
    };
}
