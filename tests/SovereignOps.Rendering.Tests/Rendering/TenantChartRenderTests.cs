using System.Text.Json;
using k8s.Models;
using SovereignOps.Rendering.Tests.Samples;

namespace SovereignOps.Rendering.Tests.Rendering;

public sealed class TenantChartRenderTests
{
    [Fact]
    public async Task The_namespace_enforces_audits_and_warns_the_restricted_profile()
    {
        var manifest = await TestRenderer.RenderAsync(SampleValues.ThaiGovernmentTenant);

        var ns = manifest.Single<V1Namespace>(SampleValues.Namespace);
        Assert.Null(manifest[0].Namespace);
        Assert.Equal("Namespace", manifest[0].Kind);
        foreach (var mode in new[] { "enforce", "audit", "warn" })
        {
            Assert.Equal("restricted", ns.Metadata.Labels[$"pod-security.kubernetes.io/{mode}"]);
            Assert.Equal("v1.34", ns.Metadata.Labels[$"pod-security.kubernetes.io/{mode}-version"]);
        }

        Assert.Equal(SampleValues.OwnerUid, ns.Metadata.Labels["sovereignops.io/owner-uid"]);
    }

    [Fact]
    public async Task Ingress_and_egress_are_denied_by_default_with_dns_and_agent_to_model_allowed()
    {
        var manifest = await TestRenderer.RenderAsync(SampleValues.ThaiGovernmentTenant);

        var denyIngress = manifest.Single<V1NetworkPolicy>("default-deny-ingress");
        Assert.Empty(denyIngress.Spec.PodSelector.MatchLabels ?? new Dictionary<string, string>());
        Assert.Equal(["Ingress"], denyIngress.Spec.PolicyTypes);
        Assert.True(denyIngress.Spec.Ingress is null || denyIngress.Spec.Ingress.Count == 0);

        var denyEgress = manifest.Single<V1NetworkPolicy>("default-deny-egress");
        Assert.Empty(denyEgress.Spec.PodSelector.MatchLabels ?? new Dictionary<string, string>());
        Assert.Equal(["Egress"], denyEgress.Spec.PolicyTypes);
        Assert.True(denyEgress.Spec.Egress is null || denyEgress.Spec.Egress.Count == 0);

        var dns = Assert.Single(manifest.Single<V1NetworkPolicy>("allow-dns-egress").Spec.Egress);
        Assert.Equal(["53/UDP", "53/TCP"], dns.Ports.Select(p => $"{p.Port.Value}/{p.Protocol}"));

        var agentsToModels = manifest.Single<V1NetworkPolicy>("allow-agents-to-models");
        Assert.Equal("model", agentsToModels.Spec.PodSelector.MatchLabels["sovereignops.io/workload"]);
        Assert.Equal("agent", Assert.Single(Assert.Single(agentsToModels.Spec.Ingress).FromProperty).PodSelector.MatchLabels["sovereignops.io/workload"]);
    }

    [Fact]
    public async Task Gpus_and_mig_slices_are_quota_limited_by_resource_name()
    {
        var manifest = await TestRenderer.RenderAsync(SampleValues.ThaiGovernmentTenant);

        var accelerators = manifest.Single<V1ResourceQuota>("accelerators").Spec.Hard;
        Assert.Equal(new ResourceQuantity("16"), accelerators["requests.nvidia.com/gpu"]);
        Assert.Equal(new ResourceQuantity("8"), accelerators["requests.nvidia.com/mig-3g.40gb"]);
        var compute = manifest.Single<V1ResourceQuota>("compute").Spec.Hard;
        Assert.Equal(new ResourceQuantity("512"), compute["requests.cpu"]);
        Assert.Equal(new ResourceQuantity("400"), compute["pods"]);
        var limits = Assert.Single(manifest.Single<V1LimitRange>("container-defaults").Spec.Limits);
        Assert.Equal(new ResourceQuantity("100m"), limits.DefaultRequest["cpu"]);
    }

    [Fact]
    public async Task Owner_groups_are_bound_to_the_tenant_owner_role()
    {
        var manifest = await TestRenderer.RenderAsync(SampleValues.ThaiGovernmentTenant);

        var binding = manifest.Single<V1RoleBinding>("sovereignops-tenant-owners");
        Assert.Equal("sovereignops-tenant-owner", binding.RoleRef.Name);
        Assert.Equal(["Group/dga-ai-platform-admins", "Group/dga-ai-model-owners"], binding.Subjects.Select(s => $"{s.Kind}/{s.Name}"));
        var role = manifest.Single<V1Role>("sovereignops-tenant-owner");
        Assert.Contains(role.Rules, rule => rule.ApiGroups.Contains("sovereignops.io") && rule.Resources.Contains("modeldeployments") && rule.Verbs.Contains("create"));
        Assert.DoesNotContain(role.Rules, rule => rule.ApiGroups.Contains("apps") && rule.Verbs.Contains("update"));
    }

    [Fact]
    public async Task The_storefront_lists_the_approved_agents_by_name()
    {
        var manifest = await TestRenderer.RenderAsync(SampleValues.ThaiGovernmentTenant);

        using var catalog = JsonDocument.Parse(manifest.Single<V1ConfigMap>("storefront").Data["catalog.json"]);
        var agents = catalog.RootElement.GetProperty("agents").EnumerateArray().ToList();
        Assert.Equal(["citizen-faq", "tax-helper"], agents.Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("Revenue Department", agents[1].GetProperty("vendor").GetString());
        Assert.Equal("http://tax-helper.tenant-th-gov.svc", agents[1].GetProperty("endpoint").GetString());
        Assert.Equal("1.2.0", agents[1].GetProperty("version").GetString());
        Assert.Equal("tax", agents[1].GetProperty("domain").GetString());
    }
}
