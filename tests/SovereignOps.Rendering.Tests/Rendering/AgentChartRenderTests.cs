using System.Text.Json;
using k8s.Models;
using SovereignOps.Rendering.Tests.Samples;

namespace SovereignOps.Rendering.Tests.Rendering;

public sealed class AgentChartRenderTests
{
    [Fact]
    public async Task Agent_renders_its_deployment_service_manifest_and_policy()
    {
        var manifest = await TestRenderer.RenderAsync(SampleValues.TriageAgent);

        Assert.Equal(
            ["NetworkPolicy/triage-assistant", "ServiceAccount/triage-assistant", "ConfigMap/triage-assistant-manifest", "Service/triage-assistant", "Deployment/triage-assistant"],
            manifest.Select(o => $"{o.Kind}/{o.Name}"));

        var container = manifest.Single<V1Deployment>("triage-assistant").Spec.Template.Spec.Containers[0];
        Assert.Equal("http://typhoon-70b.tenant-th-gov.svc:8000/v1", container.Env.Single(e => e.Name == "MODEL_ENDPOINT").Value);
        Assert.Equal("true", container.Env.Single(e => e.Name == "HUMAN_REVIEW_REQUIRED").Value);
        Assert.Equal("/etc/sovereignops/agent", container.VolumeMounts.Single(m => m.Name == "manifest").MountPath);
    }

    [Fact]
    public async Task The_manifest_configmap_describes_the_catalog_entry()
    {
        var manifest = await TestRenderer.RenderAsync(SampleValues.TriageAgent);

        using var json = JsonDocument.Parse(manifest.Single<V1ConfigMap>("triage-assistant-manifest").Data["manifest.json"]);
        var root = json.RootElement;
        Assert.Equal("Siriraj Digital Health", root.GetProperty("vendor").GetString());
        Assert.Equal("medicine", root.GetProperty("domain").GetString());
        Assert.Equal("2.3.1", root.GetProperty("version").GetString());
        Assert.Equal("high", root.GetProperty("riskTier").GetString());
        Assert.True(root.GetProperty("humanReview").GetBoolean());
        Assert.Equal(["personal-health", "internal"], root.GetProperty("dataClasses").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("http://typhoon-70b.tenant-th-gov.svc:8000/v1", root.GetProperty("model").GetProperty("endpoint").GetString());
    }

    [Fact]
    public async Task Egress_reaches_only_the_bound_model_dns_and_the_allow_list()
    {
        var manifest = await TestRenderer.RenderAsync(SampleValues.TriageAgent);

        var policy = manifest.Single<V1NetworkPolicy>("triage-assistant");
        Assert.Equal(["Ingress", "Egress"], policy.Spec.PolicyTypes);
        Assert.Equal("triage-assistant", policy.Spec.PodSelector.MatchLabels["app.kubernetes.io/instance"]);
        Assert.Equal(4, policy.Spec.Egress.Count);

        var toModel = policy.Spec.Egress[0];
        var modelPeer = Assert.Single(toModel.To);
        Assert.Equal("typhoon-70b", modelPeer.PodSelector.MatchLabels["app.kubernetes.io/instance"]);
        Assert.Equal("server", modelPeer.PodSelector.MatchLabels["sovereignops.io/rank-role"]);
        Assert.Null(modelPeer.NamespaceSelector);
        Assert.Null(modelPeer.IpBlock);
        Assert.Equal(["8000/TCP"], toModel.Ports.Select(p => $"{p.Port.Value}/{p.Protocol}"));

        var toDns = policy.Spec.Egress[1];
        var dnsPeer = Assert.Single(toDns.To);
        Assert.Equal("kube-system", dnsPeer.NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"]);
        Assert.Equal("kube-dns", dnsPeer.PodSelector.MatchLabels["k8s-app"]);
        Assert.Equal(["53/UDP", "53/TCP"], toDns.Ports.Select(p => $"{p.Port.Value}/{p.Protocol}"));

        Assert.Equal(["10.60.12.0/24:443", "10.60.40.17/32:5432"],
            policy.Spec.Egress.Skip(2).Select(rule => $"{Assert.Single(rule.To).IpBlock.Cidr}:{Assert.Single(rule.Ports).Port.Value}"));

        var ingress = Assert.Single(policy.Spec.Ingress);
        Assert.Equal("th-gov-gateway", Assert.Single(ingress.FromProperty).NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"]);
        Assert.Equal("8080", Assert.Single(ingress.Ports).Port.Value);
    }

    [Fact]
    public async Task An_agent_without_tools_or_clients_gets_no_ingress_and_only_model_and_dns_egress()
    {
        var values = SampleValues.TriageAgent with { Network = new() };

        var manifest = await TestRenderer.RenderAsync(values);

        var policy = manifest.Single<V1NetworkPolicy>("triage-assistant");
        Assert.True(policy.Spec.Ingress is null || policy.Spec.Ingress.Count == 0);
        Assert.Equal(2, policy.Spec.Egress.Count);
        Assert.DoesNotContain(policy.Spec.Egress, rule => rule.To.Any(peer => peer.IpBlock is not null));
    }
}
