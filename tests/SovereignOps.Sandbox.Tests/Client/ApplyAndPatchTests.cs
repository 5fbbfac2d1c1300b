using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using SovereignOps.Sandbox.Tests.Infrastructure;

namespace SovereignOps.Sandbox.Tests.Client;

/// <summary>JSON, merge and strategic merge patches, and server-side apply with field ownership.</summary>
public sealed class ApplyAndPatchTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly Kubernetes _client = sandbox.Client;

    [Fact]
    public async Task Strategic_merge_patch_merges_containers_env_and_ports_by_their_keys()
    {
        var ns = await sandbox.CreateNamespaceAsync("smp");
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployments.Web("web"), ns);
        var patch = """
            {"spec":{"template":{"spec":{"containers":[
              {"name":"web","image":"registry.example/web:2","env":[{"name":"EXTRA","value":"x"}],"ports":[{"containerPort":9090}]},
              {"name":"sidecar","image":"registry.example/proxy:1"}]}}}}
            """;

        var patched = await _client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(patch, V1Patch.PatchType.StrategicMergePatch), "web", ns);
        var containers = patched.Spec.Template.Spec.Containers;

        Assert.Equal(["web", "sidecar"], containers.Select(c => c.Name));
        Assert.Equal("registry.example/web:2", containers[0].Image);
        Assert.Equal(["MODE", "EXTRA"], containers[0].Env.Select(e => e.Name));
        Assert.Equal([8080, 9090], containers[0].Ports.Select(p => p.ContainerPort));
        Assert.Equal(2, patched.Metadata.Generation);
    }

    [Fact]
    public async Task Merge_patch_replaces_lists_and_json_patch_edits_by_pointer()
    {
        var ns = await sandbox.CreateNamespaceAsync("merge");
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployments.Web("web"), ns);

        var merged = await _client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""{"metadata":{"labels":{"added":"yes"}},"spec":{"template":{"spec":{"containers":[{"name":"only","image":"registry.example/only:1"}]}}}}""", V1Patch.PatchType.MergePatch), "web", ns);
        Assert.Equal(["only"], merged.Spec.Template.Spec.Containers.Select(c => c.Name));
        Assert.Equal("yes", merged.Metadata.Labels["added"]);

        var jsonPatched = await _client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""[{"op":"replace","path":"/spec/replicas","value":4},{"op":"remove","path":"/metadata/labels/added"}]""", V1Patch.PatchType.JsonPatch), "web", ns);
        Assert.Equal(4, jsonPatched.Spec.Replicas);
        Assert.False(jsonPatched.Metadata.Labels.ContainsKey("added"));

        var failed = await Assert.ThrowsAsync<HttpOperationException>(() => _client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""[{"op":"test","path":"/spec/replicas","value":9}]""", V1Patch.PatchType.JsonPatch), "web", ns));
        Assert.Equal(422, (int)failed.Response.StatusCode);
    }

    [Fact]
    public async Task Apply_creates_records_the_manager_and_changes_nothing_when_repeated()
    {
        var ns = await sandbox.CreateNamespaceAsync("apply");
        var config = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg","labels":{"team":"a"}},"data":{"x":"1"}}""";

        var created = await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(config, V1Patch.PatchType.ApplyPatch), "cfg", ns, fieldManager: "team-a");
        var again = await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(config, V1Patch.PatchType.ApplyPatch), "cfg", ns, fieldManager: "team-a");

        var entry = Assert.Single(created.Metadata.ManagedFields);
        Assert.Equal(("team-a", "Apply", "FieldsV1"), (entry.Manager, entry.Operation, entry.FieldsType));
        Assert.Contains("f:x", JsonSerializer.Serialize(entry.FieldsV1), StringComparison.Ordinal);
        Assert.Equal(created.Metadata.ResourceVersion, again.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Apply_conflicts_with_another_manager_unless_forced()
    {
        var ns = await sandbox.CreateNamespaceAsync("conflicts");
        await Apply(ns, "team-a", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg"},"data":{"shared":"a"}}""");

        var conflict = await Assert.ThrowsAsync<HttpOperationException>(() =>
            Apply(ns, "team-b", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg"},"data":{"shared":"b"}}"""));
        var status = JsonNode.Parse(conflict.Response.Content)!;
        Assert.Equal(HttpStatusCode.Conflict, conflict.Response.StatusCode);
        Assert.Contains("conflict with \"team-a\"", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(".data.shared", status["details"]!["causes"]![0]!["field"]!.GetValue<string>());

        var forced = await Apply(ns, "team-b", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg"},"data":{"shared":"b"}}""", force: true);
        Assert.Equal("b", forced.Data["shared"]);
        Assert.Equal(["team-b"], forced.Metadata.ManagedFields.Where(m => JsonSerializer.Serialize(m.FieldsV1).Contains("f:shared", StringComparison.Ordinal)).Select(m => m.Manager));
    }

    [Fact]
    public async Task Fields_a_manager_stops_applying_are_removed_unless_another_manager_owns_them()
    {
        var ns = await sandbox.CreateNamespaceAsync("prune");
        await Apply(ns, "team-a", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg"},"data":{"keep":"1","drop":"1","shared":"s"}}""");
        await Apply(ns, "team-b", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg"},"data":{"shared":"s"}}""");

        var after = await Apply(ns, "team-a", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg"},"data":{"keep":"1"}}""");

        Assert.Equal(["keep", "shared"], after.Data.Keys.Order());
    }

    [Fact]
    public async Task Apply_merges_crd_lists_by_their_map_keys()
    {
        await WidgetCrd.EnsureAsync(_client);
        var ns = await sandbox.CreateNamespaceAsync("listmap");
        await ApplyWidget(ns, "team-a", """{"apiVersion":"test.sovereignops.io/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":1,"parts":[{"name":"bolt","count":2}]}}""");
        await ApplyWidget(ns, "team-b", """{"apiVersion":"test.sovereignops.io/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"parts":[{"name":"nut","count":5}]}}""");

        var widget = await ApplyWidget(ns, "team-a", """{"apiVersion":"test.sovereignops.io/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":1,"parts":[{"name":"bolt","count":3}]}}""");
        var parts = widget.GetProperty("spec").GetProperty("parts").EnumerateArray().Select(p => $"{p.GetProperty("name").GetString()}={p.GetProperty("count").GetInt32()}");

        Assert.Equal(["bolt=3", "nut=5"], parts);
    }

    [Fact]
    public async Task Apply_requires_a_field_manager()
    {
        var ns = await sandbox.CreateNamespaceAsync("nomanager");
        var refused = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg"}}""", V1Patch.PatchType.ApplyPatch), "cfg", ns));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Response.StatusCode);
        Assert.Contains("fieldManager is required", refused.Response.Content, StringComparison.Ordinal);
    }

    private Task<V1ConfigMap> Apply(string ns, string manager, string body, bool force = false) =>
        _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(body, V1Patch.PatchType.ApplyPatch), "cfg", ns, fieldManager: manager, force: force);

    private async Task<JsonElement> ApplyWidget(string ns, string manager, string body) =>
        (JsonElement)await _client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(body, V1Patch.PatchType.ApplyPatch), WidgetCrd.Group, WidgetCrd.Version, ns, WidgetCrd.Plural, "w", fieldManager: manager);
}
