using k8s.Models;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Planning.Guard;

namespace SovereignOps.Planning.Tests.Guard;

/// <summary>
/// Adversarial variants of a compliant object set: each changes one thing a chart could get wrong,
/// and the guard must report exactly the expected rules on the expected fields — nothing missed,
/// nothing invented.
/// </summary>
public sealed class ResidencyGuardVariantTests
{
    private const string Pod = "spec.template.spec";
    private const string Required = Pod + ".affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution";
    private const string Model = "Deployment gov-th/typhoon";
    private const string Agent = "Deployment gov-th/triage";

    private sealed record Variant(Action<CompliantSet> Mutate, params (string Object, string Field, string Rule)[] Expected);

    private static readonly Dictionary<string, Variant> Variants = new()
    {
        ["affinity removed"] = new(s => s.Model.Spec.Template.Spec.Affinity = null,
            (Model, Required, GuardRules.Region), (Model, Required, GuardRules.PoolNodes)),
        ["affinity to a foreign region"] = new(s => Term(s.Model).MatchExpressions[0].Values = ["sg-1"],
            (Model, Required + ".nodeSelectorTerms[0]", GuardRules.Region)),
        ["affinity to an allowed and a foreign region"] = new(s => Term(s.Agent).MatchExpressions[0].Values = ["th-central", "sg-1"],
            (Agent, Required + ".nodeSelectorTerms[0]", GuardRules.Region)),
        ["region only preferred, NotIn instead of In"] = new(s => Term(s.Agent).MatchExpressions[0].OperatorProperty = "NotIn",
            (Agent, Required + ".nodeSelectorTerms[0]", GuardRules.Region)),
        ["second node selector term escapes the region"] = new(s => s.Agent.Spec.Template.Spec.Affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution
                .NodeSelectorTerms.Add(new V1NodeSelectorTerm { MatchExpressions = [new V1NodeSelectorRequirement { Key = "kubernetes.io/os", OperatorProperty = "In", Values = ["linux"] }] }),
            (Agent, Required + ".nodeSelectorTerms[1]", GuardRules.Region)),
        ["nodeSelector to a foreign region"] = new(s => s.Agent.Spec.Template.Spec.NodeSelector = new Dictionary<string, string> { [Fixtures.RegionKey] = "sg-1" },
            (Agent, Pod + ".nodeSelector", GuardRules.Region)),
        ["pool selector dropped"] = new(s => Term(s.Model).MatchExpressions.RemoveAt(1),
            (Model, Required + ".nodeSelectorTerms[0]", GuardRules.PoolNodes)),
        ["foreign registry image"] = new(s => s.Model.Spec.Template.Spec.Containers[0].Image = "docker.io/vllm/vllm-openai:v0.11.0",
            (Model, Pod + ".containers[0].image", GuardRules.ImageMirror)),
        ["look-alike registry prefix"] = new(s => s.Model.Spec.Template.Spec.InitContainers[0].Image = Fixtures.Mirror + "-evil/fetcher:1",
            (Model, Pod + ".initContainers[0].image", GuardRules.ImageMirror)),
        ["foreign image volume"] = new(s => s.Model.Spec.Template.Spec.Volumes.Add(new V1Volume { Name = "oci", Image = new V1ImageVolumeSource { Reference = "ghcr.io/weights:1" } }),
            (Model, Pod + ".volumes[2].image.reference", GuardRules.ImageMirror)),
        ["hostPath volume"] = new(s => s.Model.Spec.Template.Spec.Volumes.Add(new V1Volume { Name = "host", HostPath = new V1HostPathVolumeSource { Path = "/var/lib" } }),
            (Model, Pod + ".volumes[2].hostPath", GuardRules.Volumes)),
        ["nfs volume"] = new(s => s.Agent.Spec.Template.Spec.Volumes.Add(new V1Volume { Name = "share", Nfs = new V1NFSVolumeSource { Server = "nfs.example", Path = "/" } }),
            (Agent, Pod + ".volumes[2]", GuardRules.Volumes)),
        ["hostNetwork"] = new(s => s.Model.Spec.Template.Spec.HostNetwork = true,
            (Model, Pod + ".hostNetwork", GuardRules.HostNamespaces)),
        ["hostPID"] = new(s => s.Agent.Spec.Template.Spec.HostPID = true,
            (Agent, Pod + ".hostPID", GuardRules.HostNamespaces)),
        ["hostPort"] = new(s => s.Agent.Spec.Template.Spec.Containers[0].Ports = [new V1ContainerPort { ContainerPort = 8080, HostPort = 8080 }],
            (Agent, Pod + ".containers[0].ports[0].hostPort", GuardRules.HostNamespaces)),
        ["privileged"] = new(s => s.Model.Spec.Template.Spec.Containers[0].SecurityContext.Privileged = true,
            (Model, Pod + ".containers[0].securityContext.privileged", GuardRules.Privileged)),
        ["privilege escalation left unset"] = new(s => s.Model.Spec.Template.Spec.InitContainers[0].SecurityContext.AllowPrivilegeEscalation = null,
            (Model, Pod + ".initContainers[0].securityContext.allowPrivilegeEscalation", GuardRules.PrivilegeEscalation)),
        ["runAsNonRoot missing"] = new(s => s.Agent.Spec.Template.Spec.SecurityContext.RunAsNonRoot = null,
            (Agent, Pod + ".initContainers[0].securityContext.runAsNonRoot", GuardRules.RunAsNonRoot),
            (Agent, Pod + ".containers[0].securityContext.runAsNonRoot", GuardRules.RunAsNonRoot)),
        ["container runs as root"] = new(s => s.Agent.Spec.Template.Spec.Containers[0].SecurityContext.RunAsUser = 0,
            (Agent, Pod + ".containers[0].securityContext.runAsUser", GuardRules.RunAsNonRoot)),
        ["capabilities not dropped"] = new(s => s.Agent.Spec.Template.Spec.Containers[0].SecurityContext.Capabilities = null,
            (Agent, Pod + ".containers[0].securityContext.capabilities.drop", GuardRules.Capabilities)),
        ["capability added"] = new(s => s.Agent.Spec.Template.Spec.Containers[0].SecurityContext.Capabilities.Add = ["NET_ADMIN"],
            (Agent, Pod + ".containers[0].securityContext.capabilities.add", GuardRules.Capabilities)),
        ["seccomp unconfined"] = new(s => s.Model.Spec.Template.Spec.Containers[0].SecurityContext.SeccompProfile = new V1SeccompProfile { Type = "Unconfined" },
            (Model, Pod + ".containers[0].securityContext.seccompProfile.type", GuardRules.Seccomp)),
        ["wrong storage class"] = new(s => s.WeightsCache.Spec.StorageClassName = "standard-us",
            ("PersistentVolumeClaim gov-th/typhoon-weights", "spec.storageClassName", GuardRules.StorageClass)),
        ["claim without a storage class"] = new(s => s.WeightsCache.Spec.StorageClassName = null,
            ("PersistentVolumeClaim gov-th/typhoon-weights", "spec.storageClassName", GuardRules.StorageClass)),
        ["volume claim template on a wrong class"] = new(s => s.LargeModel.Spec.VolumeClaimTemplates[0].Spec.StorageClassName = "gp3",
            ("StatefulSet gov-th/typhoon-405b", "spec.volumeClaimTemplates[0].spec.storageClassName", GuardRules.StorageClass)),
        ["ephemeral volume on a wrong class"] = new(s => s.Agent.Spec.Template.Spec.Volumes.Add(new V1Volume
            {
                Name = "scratch-claim",
                Ephemeral = new V1EphemeralVolumeSource { VolumeClaimTemplate = new V1PersistentVolumeClaimTemplate { Spec = new V1PersistentVolumeClaimSpec { StorageClassName = "gp3" } } },
            }),
            (Agent, Pod + ".volumes[2].ephemeral.volumeClaimTemplate.spec.storageClassName", GuardRules.StorageClass)),
        ["LoadBalancer service"] = new(s => s.ModelService.Spec.Type = "LoadBalancer",
            ("Service gov-th/typhoon", "spec.type", GuardRules.ServiceType)),
        ["NodePort service"] = new(s => s.ModelService.Spec.Type = "NodePort",
            ("Service gov-th/typhoon", "spec.type", GuardRules.ServiceType)),
        ["default-deny ingress missing"] = new(s => s.DenyIngress.Metadata.NamespaceProperty = "elsewhere",
            ("Namespace gov-th", "networkPolicies.defaultDenyIngress", GuardRules.DefaultDeny)),
        ["default-deny egress selects only some pods"] = new(s => s.DenyEgress.Spec.PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["a"] = "b" } },
            ("Namespace gov-th", "networkPolicies.defaultDenyEgress", GuardRules.DefaultDeny)),
        ["default-deny egress that lets traffic out"] = new(s => s.DenyEgress.Spec.Egress = [new V1NetworkPolicyEgressRule { To = [new V1NetworkPolicyPeer { PodSelector = new V1LabelSelector() }] }],
            ("Namespace gov-th", "networkPolicies.defaultDenyEgress", GuardRules.DefaultDeny)),
        ["egress to the whole internet"] = new(s => s.ModelEgress.Spec.Egress[0].To[0].IpBlock.Cidr = "0.0.0.0/0",
            ("NetworkPolicy gov-th/typhoon", "spec.egress[0].to[0].ipBlock.cidr", GuardRules.Egress)),
        ["egress to a block wider than the allow-list"] = new(s => s.ModelEgress.Spec.Egress[0].To[0].IpBlock.Cidr = "10.0.0.0/8",
            ("NetworkPolicy gov-th/typhoon", "spec.egress[0].to[0].ipBlock.cidr", GuardRules.Egress)),
        ["egress rule without destinations"] = new(s => s.ModelEgress.Spec.Egress[1].To = null,
            ("NetworkPolicy gov-th/typhoon", "spec.egress[1].to", GuardRules.Egress)),
        ["MIG slice for a class that forbids sharing"] = new(s =>
            {
                s.ModelDataClass = "HealthRecords";
                s.Model.Spec.Template.Spec.Containers[0].Resources.Limits = new Dictionary<string, ResourceQuantity> { ["nvidia.com/mig-3g.40gb"] = new("1") };
            },
            (Model, Pod + ".containers[0].resources.limits['nvidia.com/mig-3g.40gb']", GuardRules.GpuSharing)),
        ["time-sliced pool for a class that forbids sharing"] = new(s =>
            {
                s.ModelDataClass = "HealthRecords";
                s.Pool.Spec.Partitioning = new GpuPartitioning { Mode = "TimeSlicing", TimeSlicingReplicas = 4 };
            },
            (Model, Pod + ".containers[0].resources.limits['nvidia.com/gpu']", GuardRules.GpuSharing),
            ("StatefulSet gov-th/typhoon-405b", Pod + ".containers[0].resources.limits['nvidia.com/gpu']", GuardRules.GpuSharing)),
        ["data class the pool does not accept"] = new(s => s.Pool.Spec.AllowedDataClasses = ["Secret"],
            (Model, "metadata.labels['sovereignops.io/data-class']", GuardRules.PoolDataClass),
            ("StatefulSet gov-th/typhoon-405b", "metadata.labels['sovereignops.io/data-class']", GuardRules.PoolDataClass)),
        ["data class the policy does not define"] = new(s => s.ModelDataClass = "Unknown",
            (Model, "metadata.labels['sovereignops.io/data-class']", GuardRules.PoolDataClass),
            ("StatefulSet gov-th/typhoon-405b", "metadata.labels['sovereignops.io/data-class']", GuardRules.PoolDataClass)),
        ["dedicated class off its dedicated nodes"] = new(s => s.ModelDataClass = "Secret",
            (Model, Required + ".nodeSelectorTerms[0]", GuardRules.DedicatedNodes),
            ("StatefulSet gov-th/typhoon-405b", Required + ".nodeSelectorTerms[0]", GuardRules.DedicatedNodes)),
        ["zone outside the allowed zones"] = new(s =>
            {
                s.Policy.Spec.Regions.ZoneLabelKey = "topology.kubernetes.io/zone";
                s.Policy.Spec.Regions.AllowedZones = ["th-central-a"];
                foreach (var pod in new[] { s.Model.Spec.Template.Spec, s.LargeModel.Spec.Template.Spec })
                {
                    pod.Affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms[0].MatchExpressions
                        .Add(new V1NodeSelectorRequirement { Key = "topology.kubernetes.io/zone", OperatorProperty = "In", Values = ["th-central-a"] });
                }
            },
            (Agent, Required + ".nodeSelectorTerms[0]", GuardRules.Zone)),
        ["job with a foreign image"] = new(s => s.Extra.Add(new V1Job
            {
                ApiVersion = "batch/v1",
                Kind = "Job",
                Metadata = CompliantSet.Meta("warmup"),
                Spec = new V1JobSpec { Template = new V1PodTemplateSpec { Spec = WithImage(CompliantSet.RestrictedPod(false, null), "quay.io/warmup:1") } },
            }),
            ("Job gov-th/warmup", Pod + ".containers[0].image", GuardRules.ImageMirror)),
        ["cron job without affinity"] = new(s => s.Extra.Add(new V1CronJob
            {
                ApiVersion = "batch/v1",
                Kind = "CronJob",
                Metadata = CompliantSet.Meta("refresh"),
                Spec = new V1CronJobSpec
                {
                    Schedule = "@daily",
                    JobTemplate = new V1JobTemplateSpec { Spec = new V1JobSpec { Template = new V1PodTemplateSpec { Spec = WithoutAffinity(CompliantSet.RestrictedPod(false, null)) } } },
                },
            }),
            ("CronJob gov-th/refresh", "spec.jobTemplate.spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution", GuardRules.Region)),
    };

    public static TheoryData<string> Names => [.. Variants.Keys];

    [Fact]
    public void The_compliant_set_has_no_violations()
    {
        Assert.Empty(new CompliantSet().Check());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_variant_is_caught_with_its_rule_and_field(string name)
    {
        var variant = Variants[name];
        var set = new CompliantSet();
        variant.Mutate(set);

        var found = set.Check().Select(v => (v.Object.ToString(), v.FieldPath, v.Rule)).Order().ToList();

        Assert.Equal(variant.Expected.Order().ToList(), found);
    }

    [Fact]
    public void A_dedicated_class_on_a_dedicated_pool_is_pinned_by_the_pool_alone()
    {
        var set = new CompliantSet { ModelDataClass = "Secret" };
        set.Pool.Spec.Dedicated = true;

        Assert.Empty(set.Check());
    }

    [Fact]
    public void A_service_type_the_profile_allows_is_accepted()
    {
        var set = new CompliantSet();
        set.ModelService.Spec.Type = "LoadBalancer";
        set.Profile.Spec.AllowedServiceTypes = ["ClusterIP", "LoadBalancer"];

        Assert.Empty(set.Check());
    }

    [Fact]
    public void Every_violation_names_the_clause_it_enforces()
    {
        var set = new CompliantSet();
        set.Model.Spec.Template.Spec.Affinity = null;
        set.ModelEgress.Spec.Egress[0].To[0].IpBlock.Cidr = "0.0.0.0/0";

        var violations = set.Check();

        Assert.Contains(violations, v => v.Clause == "DataResidencyPolicy th-pdpa spec.regions.allowed [th-central, th-north]");
        Assert.Contains(violations, v => v.Clause == "GpuPool th-h100 spec.nodeSelector sovereignops.io/pool=th-h100");
        Assert.Contains(violations, v => v.Clause == "DataResidencyPolicy th-pdpa spec.egress.allowedCidrs [10.20.0.0/16]");
    }

    [Fact]
    public void Several_faults_are_all_reported_in_one_run()
    {
        var set = new CompliantSet();
        foreach (var name in new[] { "foreign registry image", "hostPath volume", "wrong storage class", "LoadBalancer service", "default-deny ingress missing" })
        {
            Variants[name].Mutate(set);
        }

        Assert.Equal(5, set.Check().Count);
    }

    private static V1NodeSelectorTerm Term(V1Deployment deployment) =>
        deployment.Spec.Template.Spec.Affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms[0];

    private static V1PodSpec WithImage(V1PodSpec pod, string image)
    {
        pod.Containers[0].Image = image;
        return pod;
    }

    private static V1PodSpec WithoutAffinity(V1PodSpec pod)
    {
        pod.Affinity = null;
        return pod;
    }
}
