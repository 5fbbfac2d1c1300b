namespace SovereignOps.Api.Tests.Validation;

/// <summary>The sample bundle as YAML, one document per kind, so tests can break a line and check where errors land.</summary>
internal static class SampleYaml
{
    public const string Policy = """
        apiVersion: sovereignops.io/v1alpha1
        kind: DataResidencyPolicy
        metadata:
          name: th-pdpa
        spec:
          country: TH
          dataClasses:
            - name: Secret
              dedicatedNodes: true
              gpuSharingAllowed: false
            - name: PersonalData
            - name: Public
              inCountryOnly: false
          regions:
            allowed: [th-bangkok, th-nonthaburi]
          crossBorder:
            mode: Deny
          egress:
            allowedCidrs: ["10.20.0.0/16"]
          storage:
            allowedStorageClasses: [th-ceph-encrypted]
        """;

    public const string Profile = """
        apiVersion: sovereignops.io/v1alpha1
        kind: SovereignProfile
        metadata:
          name: moph
        spec:
          country: TH
          customer: Ministry of Public Health
          residencyPolicyRef:
            name: th-pdpa
          tenantNamespace: moph
          registry:
            mirror: registry.moph.go.th/sovereign
          defaultGpuPool: moph-h100
        """;

    public const string Pool = """
        apiVersion: sovereignops.io/v1alpha1
        kind: GpuPool
        metadata:
          name: moph-h100
        spec:
          profileRef:
            name: moph
          region: th-bangkok
          nodeSelector:
            sovereignops.io/pool: moph-h100
          nodeCount: 2
          gpu:
            model: H100-80GB
            memoryGiB: 80
            perNode: 8
            interconnect: NVLink
          partitioning:
            mode: None
          dedicated: true
        """;

    public const string Model = """
        apiVersion: sovereignops.io/v1alpha1
        kind: ModelDeployment
        metadata:
          name: typhoon-omni
          namespace: moph
        spec:
          model:
            name: typhoon-omni
            version: "2.1"
          parametersBillions: 70
          precision: fp8
          modalities: [text, image]
          weights:
            uri: oci://registry.moph.go.th/models/typhoon-omni:2.1
          runtime:
            engine: vllm
          dataClass: Secret
          gpuPoolRef:
            name: moph-h100
        """;

    public const string Catalog = """
        apiVersion: sovereignops.io/v1alpha1
        kind: AgentCatalog
        metadata:
          name: siam-health
          namespace: moph
        spec:
          vendor: Siam Health AI
          agents:
            - name: triage
              vendor: Siam Health AI
              domain: Medicine
              version: 1.4.0
              image:
                repository: siamhealth/triage
                tag: 1.4.0
              model:
                ref:
                  name: typhoon-omni
              dataClasses: [Secret]
              approval:
                state: Approved
                approvedBy: moph-digital-health
        """;

    public const string Namespace = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: moph
        """;

    public const string Node = """
        apiVersion: v1
        kind: Node
        metadata:
          name: th-bkk-gpu-01
          labels:
            topology.kubernetes.io/region: th-bangkok
            sovereignops.io/pool: moph-h100
        status:
          capacity:
            nvidia.com/gpu: "8"
            cpu: "96"
            memory: 1Ti
        """;

    /// <summary>All documents in one stream.</summary>
    public static string All => string.Join("\n---\n", Policy, Profile, Pool, Model, Catalog, Namespace, Node) + "\n";
}
