using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Tests.Crds;

/// <summary>What kubectl and the API server see when they read each file in crds/.</summary>
public sealed class CrdShapeTests
{
    public static TheoryData<string> Files => new(
        Directory.EnumerateFiles(RepoPaths.Combine("crds"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void Loads_as_a_custom_resource_definition_with_status_columns_category_and_short_names(string file)
    {
        var crd = Load(file);

        Assert.Equal("apiextensions.k8s.io/v1", crd.ApiVersion);
        Assert.Equal(ApiGroup.Group, crd.Spec.Group);
        Assert.Equal($"{crd.Spec.Names.Plural}.{ApiGroup.Group}", crd.Metadata.Name);
        Assert.Contains(ApiGroup.Category, crd.Spec.Names.Categories);
        Assert.NotEmpty(crd.Spec.Names.ShortNames);
        var version = Assert.Single(crd.Spec.Versions);
        Assert.Equal((ApiGroup.Version, true, true), (version.Name, version.Served, version.Storage));
        Assert.NotNull(version.Subresources?.Status);
        Assert.Contains(version.AdditionalPrinterColumns, c => c.Name == "Ready" && c.JsonPath.Contains("Ready", StringComparison.Ordinal));
        Assert.Contains(version.AdditionalPrinterColumns, c => c.Name == "Age" && c.Type == "date");
        Assert.All(version.AdditionalPrinterColumns, c => Assert.False(string.IsNullOrWhiteSpace(c.Description), c.Name));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_schema_property_has_a_description_for_kubectl_explain(string file)
    {
        // Walked as the file's JSON tree: the client types hold items and additionalProperties as untyped objects.
        var read = YamlDocumentReader.Read(File.ReadAllText(RepoPaths.Combine("crds", file)), file);
        var schema = Assert.Single(read.Documents).Root["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject();
        var properties = new List<string>();
        var undescribed = new List<string>();

        Walk(schema, "", properties, undescribed);

        Assert.Empty(undescribed);
        Assert.Contains(properties, p => p.StartsWith("spec.", StringComparison.Ordinal));
        Assert.True(properties.Count > 20, $"only {properties.Count} properties walked");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_schema_is_structural_with_typed_spec_and_status(string file)
    {
        var schema = Load(file).Spec.Versions[0].Schema.OpenAPIV3Schema;

        Assert.Equal("object", schema.Type);
        Assert.Contains("spec", schema.Required);
        Assert.Equal("object", schema.Properties["spec"].Type);
        Assert.Equal("object", schema.Properties["status"].Type);
        Assert.Contains("conditions", schema.Properties["status"].Properties.Keys);
        Assert.Contains("observedGeneration", schema.Properties["status"].Properties.Keys);
    }

    private static V1CustomResourceDefinition Load(string file) =>
        KubernetesYaml.Deserialize<V1CustomResourceDefinition>(File.ReadAllText(RepoPaths.Combine("crds", file)), strict: true);

    private static void Walk(JsonObject schema, string path, List<string> properties, List<string> undescribed)
    {
        if (schema["properties"] is JsonObject children)
        {
            foreach (var (name, child) in children)
            {
                var childPath = path.Length == 0 ? name : $"{path}.{name}";
                properties.Add(childPath);
                if (child?["description"] is not JsonValue description || string.IsNullOrWhiteSpace(description.GetValue<string>()))
                {
                    undescribed.Add(childPath);
                }

                Walk(child!.AsObject(), childPath, properties, undescribed);
            }
        }

        // List items and map values are described by the property that holds them; their own fields need descriptions.
        if (schema["items"] is JsonObject items)
        {
            Walk(items, $"{path}[]", properties, undescribed);
        }

        if (schema["additionalProperties"] is JsonObject values)
        {
            Walk(values, $"{path}{{}}", properties, undescribed);
        }
    }
}
