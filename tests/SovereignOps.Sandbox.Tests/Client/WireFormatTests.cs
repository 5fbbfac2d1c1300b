using System.Net;
using System.Text.Json.Nodes;
using k8s;
using SovereignOps.Sandbox.Tests.Infrastructure;

namespace SovereignOps.Sandbox.Tests.Client;

/// <summary>What clients see on the wire: YAML bodies, discovery documents, OpenAPI, table output, errors for unknown paths.</summary>
public sealed class WireFormatTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly RawClient _raw = new(sandbox.Server);

    [Fact]
    public async Task An_apply_configuration_may_be_sent_as_yaml()
    {
        var ns = await sandbox.CreateNamespaceAsync("yaml");
        const string body = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: from-yaml
            data:
              answer: "42"
            """;

        using var response = await _raw.SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/from-yaml?fieldManager=yaml-client", body, "application/apply-patch+yaml");
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("42", created["data"]!["answer"]!.GetValue<string>());
        Assert.Equal("yaml-client", created["metadata"]!["managedFields"]![0]!["manager"]!.GetValue<string>());
    }

    [Fact]
    public async Task Aggregated_discovery_lists_groups_resources_and_subresources()
    {
        using var response = await _raw.GetAsync("/apis", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json");
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Contains("as=APIGroupDiscoveryList", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var apps = document["items"]!.AsArray().Single(g => g!["metadata"]!["name"]!.GetValue<string>() == "apps")!;
        var deployments = apps["versions"]![0]!["resources"]!.AsArray().Single(r => r!["resource"]!.GetValue<string>() == "deployments")!;
        Assert.Equal("Namespaced", deployments["scope"]!.GetValue<string>());
        Assert.Equal(["status", "scale"], deployments["subresources"]!.AsArray().Select(s => s!["subresource"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OpenApi_v3_lists_each_group_version_with_patch_operations_that_take_field_validation()
    {
        var root = await _raw.GetJsonAsync("/openapi/v3");
        var url = root["paths"]!["apis/apps/v1"]!["serverRelativeURL"]!.GetValue<string>();
        var document = await _raw.GetJsonAsync(url);

        var patch = document["paths"]!["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]!["patch"]!;
        Assert.Equal("Deployment", patch["x-kubernetes-group-version-kind"]!["kind"]!.GetValue<string>());
        Assert.Contains(patch["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "fieldValidation");
        using var v2 = await _raw.GetAsync("/openapi/v2");
        Assert.Equal(HttpStatusCode.NotFound, v2.StatusCode);
    }

    [Fact]
    public async Task Pods_print_the_kubectl_columns_with_the_wide_ones_at_higher_priority()
    {
        var ns = await sandbox.CreateNamespaceAsync("podtable");
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(new k8s.Models.V1Pod
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = "p" },
            Spec = new k8s.Models.V1PodSpec { NodeName = "gpu-1", Containers = [new k8s.Models.V1Container { Name = "c", Image = "registry.example/c:1" }] },
        }, ns);

        var table = await _raw.GetJsonAsync($"/api/v1/namespaces/{ns}/pods", "application/json;as=Table;v=v1;g=meta.k8s.io");
        var columns = table["columnDefinitions"]!.AsArray().Select(c => (c!["name"]!.GetValue<string>(), c["priority"]!.GetValue<int>())).ToList();

        Assert.Equal([("Name", 0), ("Ready", 0), ("Status", 0), ("Restarts", 0), ("Age", 0), ("IP", 1), ("Node", 1), ("Nominated Node", 1), ("Readiness Gates", 1)], columns);
        var cells = table["rows"]![0]!["cells"]!.AsArray();
        Assert.Equal(["p", "0/1", "Pending"], cells.Take(3).Select(c => c!.GetValue<string>()));
        Assert.Equal("gpu-1", cells[6]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_resources_are_404_statuses()
    {
        using var response = await _raw.GetAsync("/apis/apps/v1/namespaces/default/widgets");
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Status", status["kind"]!.GetValue<string>());
        Assert.Equal("NotFound", status["reason"]!.GetValue<string>());
    }

    public void Dispose() => _raw.Dispose();
}
