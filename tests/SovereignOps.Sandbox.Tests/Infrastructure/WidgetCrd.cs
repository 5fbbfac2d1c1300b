using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace SovereignOps.Sandbox.Tests.Infrastructure;

/// <summary>The test CRD (TestData/widget-crd.yaml): namespaced Widgets with a schema, defaults, a CEL rule and printer columns.</summary>
public static class WidgetCrd
{
    public const string Group = "test.sovereignops.io";
    public const string Version = "v1";
    public const string Plural = "widgets";

    public static string YamlPath => Path.Combine(AppContext.BaseDirectory, "TestData", "widget-crd.yaml");

    /// <summary>Creates the CRD unless present and waits until Widgets are served.</summary>
    public static async Task EnsureAsync(Kubernetes client)
    {
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(YamlPath));
        try
        {
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // another test of the class created it first
        }

        await Eventually.TrueAsync(
            async () => (await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.test.sovereignops.io")).Status?.Conditions?
                .Any(c => c.Type == "Established" && c.Status == "True") == true,
            "the Widget CRD is established");
    }

    public static JsonObject Widget(string name, long size, string? color = null)
    {
        var spec = new JsonObject { ["size"] = size };
        if (color is not null)
        {
            spec["color"] = color;
        }

        return new JsonObject
        {
            ["apiVersion"] = $"{Group}/{Version}",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = spec,
        };
    }
}
