using k8s;
using k8s.Autorest;
using k8s.Models;
using SovereignOps.Sandbox.Tests.Infrastructure;

namespace SovereignOps.Sandbox.Tests.Client;

/// <summary>Lists: label and field selectors, paging with limit and continue, the list resourceVersion.</summary>
public sealed class ListTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly Kubernetes _client = sandbox.Client;

    [Theory]
    [InlineData("tier=gold", "a,b")]
    [InlineData("tier==gold", "a,b")]
    [InlineData("tier!=gold", "c,d")]
    [InlineData("tier in (gold,silver)", "a,b,c")]
    [InlineData("tier notin (gold)", "c,d")]
    [InlineData("tier", "a,b,c")]
    [InlineData("!tier", "d")]
    [InlineData("tier=gold,zone=north", "a")]
    public async Task Label_selectors_follow_the_kubernetes_syntax(string selector, string expected)
    {
        var ns = await SeedAsync();
        var list = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: selector);

        Assert.Equal(expected, string.Join(",", list.Items.Select(i => i.Metadata.Name).Where(n => n.Length == 1)));
    }

    [Fact]
    public async Task Field_selectors_match_name_and_pod_fields_and_refuse_unknown_fields()
    {
        var ns = await SeedAsync();
        var byName = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: "metadata.name=b");
        Assert.Equal(["b"], byName.Items.Select(i => i.Metadata.Name));

        var notName = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: "metadata.name!=b,metadata.namespace=" + ns);
        Assert.DoesNotContain(notName.Items, i => i.Metadata.Name == "b");

        await _client.CoreV1.CreateNamespacedPodAsync(Pod("on-node", "node-1"), ns);
        await _client.CoreV1.CreateNamespacedPodAsync(Pod("elsewhere", "node-2"), ns);
        var onNode = await _client.CoreV1.ListNamespacedPodAsync(ns, fieldSelector: "spec.nodeName=node-1");
        Assert.Equal(["on-node"], onNode.Items.Select(p => p.Metadata.Name));
        var pending = await _client.CoreV1.ListNamespacedPodAsync(ns, fieldSelector: "status.phase=Pending");
        Assert.Equal(2, pending.Items.Count);

        var refused = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: "data.key=1"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.Response.StatusCode);
        Assert.Contains("field label not supported: data.key", refused.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Limit_and_continue_page_through_the_whole_list()
    {
        var ns = await SeedAsync();
        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 2, continueParameter: token);
            Assert.False(string.IsNullOrEmpty(page.Metadata.ResourceVersion));
            names.AddRange(page.Items.Select(i => i.Metadata.Name));
            token = page.Metadata.ContinueProperty;
            pages++;
        }
        while (!string.IsNullOrEmpty(token));

        Assert.Equal(["a", "b", "c", "d", "kube-root"], names);
        Assert.Equal(3, pages);
    }

    private async Task<string> SeedAsync()
    {
        var ns = await sandbox.CreateNamespaceAsync("list");
        (string Name, string? Tier, string? Zone)[] items = [("a", "gold", "north"), ("b", "gold", "south"), ("c", "silver", null), ("d", null, null), ("kube-root", null, null)];
        foreach (var (name, tier, zone) in items)
        {
            var labels = new Dictionary<string, string>();
            if (tier is not null)
            {
                labels["tier"] = tier;
            }

            if (zone is not null)
            {
                labels["zone"] = zone;
            }

            await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, Labels = labels } }, ns);
        }

        return ns;
    }

    private static V1Pod Pod(string name, string node) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1PodSpec { NodeName = node, Containers = [new V1Container { Name = "main", Image = "registry.example/app:1" }] },
    };
}
