using System.Globalization;
using System.Text;

namespace SovereignOps.Benchmarks.Operator;

/// <summary>
/// A synthetic fleet for the operator scale run: <c>profiles</c> customers, each with its own residency
/// policy and region, one GPU pool on just enough 8-GPU nodes, <c>models</c> one-GPU models and one
/// vendor catalog of <c>agents</c> approved agents bound to those models. Every profile is a complete,
/// valid bundle, so the run exercises the same validate → plan → render → guard → apply path as the
/// examples, only many times over.
/// </summary>
public sealed class ScaleBundle(int profiles, int models, int agents)
{
    public const int GpusPerNode = 8;

    public int Profiles => profiles;

    public int Models => models;

    public int Agents => agents;

    /// <summary>Nodes per profile: one GPU per model replica, rounded up to whole nodes.</summary>
    public int NodesPerProfile => (models + GpusPerNode - 1) / GpusPerNode;

    public static string ProfileName(int profile) => "scale-p" + profile.ToString("000", CultureInfo.InvariantCulture);

    /// <summary>The custom resources and tenant namespace of one profile, as one multi-document YAML stream.</summary>
    public string ProfileYaml(int profile)
    {
        var name = ProfileName(profile);
        var region = RegionOf(profile);
        var pool = name + "-h100";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: {name}
              labels:
                pod-security.kubernetes.io/enforce: restricted
                sovereignops.io/profile: {name}
            ---
            apiVersion: sovereignops.io/v1alpha1
            kind: DataResidencyPolicy
            metadata:
              name: {name}-residency
            spec:
              country: TH
              displayName: Scale customer {profile}
              dataClasses:
                - name: PersonalData
                  inCountryOnly: true
                  dedicatedNodes: false
                  gpuSharingAllowed: true
              regions:
                nodeLabelKey: topology.kubernetes.io/region
                allowed: [{region}]
              crossBorder:
                mode: Deny
              egress:
                allowedCidrs: [10.20.0.0/16]
              storage:
                allowedStorageClasses: [local-nvme]
            ---
            apiVersion: sovereignops.io/v1alpha1
            kind: SovereignProfile
            metadata:
              name: {name}
            spec:
              country: TH
              customer: Scale customer {profile}
              residencyPolicyRef:
                name: {name}-residency
              tenantNamespace: {name}
              registry:
                mirror: registry.scale-{profile}.example/sovereign
              ownerGroups:
                - name: {name}-admins
                  role: Admin
              defaultGpuPool: {pool}
              allowedServiceTypes: [ClusterIP]
            ---
            apiVersion: sovereignops.io/v1alpha1
            kind: GpuPool
            metadata:
              name: {pool}
            spec:
              profileRef:
                name: {name}
              region: {region}
              nodeSelector:
                sovereignops.io/pool: {pool}
              nodeCount: {NodesPerProfile}
              gpu:
                model: H100-80GB
                memoryGiB: 80
                perNode: {GpusPerNode}
                interconnect: NVLink
              partitioning:
                mode: None
              allowedDataClasses: [PersonalData]
              dedicated: false

            """);
        for (var m = 0; m < models; m++)
        {
            text.Append(CultureInfo.InvariantCulture, $"""
                ---
                apiVersion: sovereignops.io/v1alpha1
                kind: ModelDeployment
                metadata:
                  name: {ModelName(m)}
                  namespace: {name}
                spec:
                  model:
                    name: {ModelName(m)}
                    version: "1.0"
                  parametersBillions: 8
                  precision: bf16
                  modalities: [text]
                  weights:
                    uri: s3://scale-weights/{ModelName(m)}/1.0
                  runtime:
                    engine: vllm
                  contextLength: 8192
                  maxConcurrentSequences: 16
                  dataClass: PersonalData
                  gpuPoolRef:
                    name: {pool}
                  replicas: 1

                """);
        }

        text.Append(CultureInfo.InvariantCulture, $"""
            ---
            apiVersion: sovereignops.io/v1alpha1
            kind: AgentCatalog
            metadata:
              name: {name}-vendor
              namespace: {name}
            spec:
              vendor: Scale Vendor
              agents:

            """);
        for (var a = 0; a < agents; a++)
        {
            text.Append(CultureInfo.InvariantCulture, $"""
                    - name: agent-{a:000}
                      vendor: Scale Vendor
                      domain: Education
                      version: 1.0.0
                      image:
                        repository: scale-vendor/agent-{a:000}
                        tag: 1.0.0
                      model:
                        ref:
                          name: {ModelName(a % models)}
                      dataClasses: [PersonalData]
                      approval:
                        state: Approved
                        approvedBy: scale-review-board
                      riskTier: Minimal
                      replicas: 1

                """);
        }

        return text.ToString();
    }

    /// <summary>The simulated nodes of one profile's pool, in its own region.</summary>
    public string NodesYaml(int profile)
    {
        var pool = ProfileName(profile) + "-h100";
        var text = new StringBuilder();
        for (var n = 0; n < NodesPerProfile; n++)
        {
            text.Append(CultureInfo.InvariantCulture, $"""
                ---
                apiVersion: v1
                kind: Node
                metadata:
                  name: {pool}-{n:00}
                  labels:
                    kubernetes.io/hostname: {pool}-{n:00}
                    kubernetes.io/os: linux
                    topology.kubernetes.io/region: {RegionOf(profile)}
                    sovereignops.io/pool: {pool}
                    nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3
                status:
                  capacity:
                    cpu: "224"
                    memory: 2Ti
                    pods: "110"
                    nvidia.com/gpu: "{GpusPerNode}"
                  allocatable:
                    cpu: "220"
                    memory: 2016Gi
                    pods: "110"
                    nvidia.com/gpu: "{GpusPerNode}"

                """);
        }

        return text.ToString();
    }

    public static string ModelName(int model) => "model-" + model.ToString("00", CultureInfo.InvariantCulture);

    private static string RegionOf(int profile) => "scale-r" + profile.ToString("000", CultureInfo.InvariantCulture);
}
