using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using SovereignOps.Sandbox.Tests.Infrastructure;

namespace SovereignOps.Sandbox.Tests.Client;

/// <summary>Custom resources per their CRD: establishment, schema validation, defaults, pruning, CEL rules, status.</summary>
public sealed class CustomResourceTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly Kubernetes _client = sandbox.Client;
    private readonly RawClient _raw = new(sandbox.Server);

    [Fact]
    public async Task A_new_crd_is_established_and_in_discovery_within_a_second()
    {
        var started = DateTime.UtcNow;
        await WidgetCrd.EnsureAsync(_client);
        var crd = await _client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.test.sovereignops.io");
        var resources = await _raw.GetJsonAsync("/apis/test.sovereignops.io/v1");

        Assert.InRange(DateTime.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Contains(crd.Status.Conditions, c => c.Type == "NamesAccepted" && c.Status == "True");
        Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        Assert.Contains(resources["resources"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "widgets");
    }

    [Fact]
    public async Task Custom_objects_get_defaults_and_lose_unknown_fields()
    {
        await WidgetCrd.EnsureAsync(_client);
        var ns = await sandbox.CreateNamespaceAsync("cr");
        var body = WidgetCrd.Widget("w", 3, "red");
        body["spec"]!["unknownField"] = "dropped";

        var created = (JsonElement)await _client.CustomObjects.CreateNamespacedCustomObjectAsync(body, WidgetCrd.Group, WidgetCrd.Version, ns, WidgetCrd.Plural);
        var spec = created.GetProperty("spec");

        Assert.Equal(10, spec.GetProperty("maxSize").GetInt32());
        Assert.False(spec.TryGetProperty("unknownField", out _));
        Assert.Equal(1, created.GetProperty("metadata").GetProperty("generation").GetInt32());
    }

    [Fact]
    public async Task Strict_field_validation_refuses_unknown_fields()
    {
        await WidgetCrd.EnsureAsync(_client);
        var ns = await sandbox.CreateNamespaceAsync("strict");
        var body = WidgetCrd.Widget("w", 3);
        body["spec"]!["sise"] = 4;

        var refused = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _client.CustomObjects.CreateNamespacedCustomObjectAsync(body, WidgetCrd.Group, WidgetCrd.Version, ns, WidgetCrd.Plural, fieldValidation: "Strict"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Response.StatusCode);
        Assert.Contains("unknown field \\\"spec.sise\\\"", refused.Response.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, null, "spec.size", "should be greater than or equal to 1")]
    [InlineData(3, "green", "spec.color", "Unsupported value: \\\"green\\\"")]
    [InlineData(30, null, "spec", "size must not exceed maxSize")]
    public async Task Schema_and_cel_violations_are_422_with_the_field(long size, string? color, string field, string message)
    {
        await WidgetCrd.EnsureAsync(_client);
        var ns = await sandbox.CreateNamespaceAsync("invalid");

        var refused = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _client.CustomObjects.CreateNamespacedCustomObjectAsync(WidgetCrd.Widget("w", size, color), WidgetCrd.Group, WidgetCrd.Version, ns, WidgetCrd.Plural));
        var status = JsonNode.Parse(refused.Response.Content)!;

        Assert.Equal(422, (int)refused.Response.StatusCode);
        Assert.Equal("Invalid", status["reason"]!.GetValue<string>());
        Assert.Contains(status["details"]!["causes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == field);
        Assert.Contains(message, refused.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updates_need_a_resource_version_and_status_goes_through_the_subresource()
    {
        await WidgetCrd.EnsureAsync(_client);
        var ns = await sandbox.CreateNamespaceAsync("crstatus");
        await _client.CustomObjects.CreateNamespacedCustomObjectAsync(WidgetCrd.Widget("w", 2), WidgetCrd.Group, WidgetCrd.Version, ns, WidgetCrd.Plural);

        var unconditional = WidgetCrd.Widget("w", 4);
        var refused = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _client.CustomObjects.ReplaceNamespacedCustomObjectAsync(unconditional, WidgetCrd.Group, WidgetCrd.Version, ns, WidgetCrd.Plural, "w"));
        Assert.Equal(422, (int)refused.Response.StatusCode);

        var current = JsonNode.Parse(((JsonElement)await _client.CustomObjects.GetNamespacedCustomObjectAsync(WidgetCrd.Group, WidgetCrd.Version, ns, WidgetCrd.Plural, "w")).GetRawText())!;
        current["status"] = new JsonObject { ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }) };
        current["spec"]!["size"] = 5;
        var afterStatus = (JsonElement)await _client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(current, WidgetCrd.Group, WidgetCrd.Version, ns, WidgetCrd.Plural, "w");

        Assert.Equal(2, afterStatus.GetProperty("spec").GetProperty("size").GetInt32());
        Assert.Equal("Ready", afterStatus.GetProperty("status").GetProperty("conditions")[0].GetProperty("type").GetString());
        Assert.Equal(1, afterStatus.GetProperty("metadata").GetProperty("generation").GetInt32());
    }

    [Fact]
    public async Task A_table_request_returns_the_printer_columns()
    {
        await WidgetCrd.EnsureAsync(_client);
        var ns = await sandbox.CreateNamespaceAsync("table");
        await _client.CustomObjects.CreateNamespacedCustomObjectAsync(WidgetCrd.Widget("w", 7), WidgetCrd.Group, WidgetCrd.Version, ns, WidgetCrd.Plural);

        var table = await _raw.GetJsonAsync($"/apis/test.sovereignops.io/v1/namespaces/{ns}/widgets", "application/json;as=Table;v=v1;g=meta.k8s.io");

        Assert.Equal("Table", table["kind"]!.GetValue<string>());
        Assert.Equal(["Name", "Size", "Ready", "Age"], table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        var cells = table["rows"]![0]!["cells"]!.AsArray();
        Assert.Equal("w", cells[0]!.GetValue<string>());
        Assert.Equal(7, cells[1]!.GetValue<int>());
    }

    [Fact]
    public async Task Deleting_the_crd_removes_its_objects_and_its_discovery_entry()
    {
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>((await File.ReadAllTextAsync(WidgetCrd.YamlPath))
            .Replace("widgets", "gadgets", StringComparison.Ordinal).Replace("widget", "gadget", StringComparison.Ordinal)
            .Replace("Widget", "Gadget", StringComparison.Ordinal).Replace("[wd]", "[gd]", StringComparison.Ordinal));
        await _client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
        var ns = await sandbox.CreateNamespaceAsync("gadgets");
        var gadget = WidgetCrd.Widget("g", 1);
        gadget["kind"] = "Gadget";
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await _client.CustomObjects.CreateNamespacedCustomObjectAsync(gadget, WidgetCrd.Group, WidgetCrd.Version, ns, "gadgets");
                return true;
            }
            catch (HttpOperationException)
            {
                return false;
            }
        }, "gadgets are served");

        await _client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("gadgets.test.sovereignops.io");

        await Eventually.TrueAsync(async () =>
        {
            var crds = await _client.ApiextensionsV1.ListCustomResourceDefinitionAsync();
            return crds.Items.All(c => c.Metadata.Name != "gadgets.test.sovereignops.io");
        }, "the gadget CRD is gone");
        var group = await _raw.GetJsonAsync("/apis/test.sovereignops.io/v1");
        Assert.DoesNotContain(group["resources"]?.AsArray() ?? [], r => r!["name"]!.GetValue<string>() == "gadgets");
        Assert.Empty(sandbox.Server.Store.List(new Registry.GroupResource(WidgetCrd.Group, "gadgets"), null).Items);
    }

    public void Dispose() => _raw.Dispose();
}
