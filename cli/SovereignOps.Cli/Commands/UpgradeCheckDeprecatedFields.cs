using System.Text.Json.Nodes;
using k8s.Models;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// Walks every stored custom resource against the target's CRD schema. A field whose description
/// starts with "Deprecated" (the Kubernetes convention) warns; a field the target's schema does not
/// have at all fails, because the API server prunes it on the next write: data silently lost.
/// </summary>
public static class UpgradeCheckDeprecatedFields
{
    public const string Name = "deprecated-fields";

    public static IEnumerable<CheckResult> Run(IReadOnlyList<KubeObject> resources, IReadOnlyList<V1CustomResourceDefinition> target)
    {
        var findings = new List<CheckResult>();
        foreach (var resource in resources)
        {
            var version = resource.ApiVersion.Split('/').Last();
            var crd = target.FirstOrDefault(c => c.Spec.Names.Kind == resource.Kind);
            var schema = crd?.Spec.Versions.FirstOrDefault(v => v.Name == version)?.Schema?.OpenAPIV3Schema;
            if (schema is null)
            {
                continue;
            }

            var subject = string.IsNullOrEmpty(resource.Metadata.NamespaceProperty)
                ? $"{resource.Kind} {resource.Metadata.Name}"
                : $"{resource.Kind} {resource.Metadata.NamespaceProperty}/{resource.Metadata.Name}";
            var json = resource.ToJson();
            if (json["spec"] is JsonObject spec && schema.Properties?.TryGetValue("spec", out var specSchema) == true)
            {
                Walk(spec, specSchema, "spec", subject, findings);
            }
        }

        if (findings.Count == 0)
        {
            findings.Add(CheckResult.Pass(Name, "custom resources", $"no deprecated or unknown fields in {resources.Count} custom resources"));
        }

        return findings;
    }

    private static void Walk(JsonNode? node, V1JSONSchemaProps schema, string path, string subject, List<CheckResult> findings)
    {
        if (schema.Description?.StartsWith("Deprecated", StringComparison.OrdinalIgnoreCase) == true)
        {
            findings.Add(CheckResult.Warn(Name, subject, $"{path} is deprecated: {schema.Description}"));
        }

        if (schema.XKubernetesPreserveUnknownFields == true)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj when schema.Properties is { Count: > 0 } properties:
                foreach (var (name, value) in obj)
                {
                    var child = FieldPath.Child(path, name);
                    if (properties.TryGetValue(name, out var childSchema))
                    {
                        Walk(value, childSchema, child, subject, findings);
                    }
                    else
                    {
                        findings.Add(CheckResult.Fail(Name, subject, $"{child} is unknown to the target operator's schema and would be pruned on the next write"));
                    }
                }

                break;
            case JsonObject map when SchemaOf(schema.AdditionalProperties) is { } valueSchema:
                foreach (var (name, value) in map)
                {
                    Walk(value, valueSchema, FieldPath.Child(path, name), subject, findings);
                }

                break;
            case JsonArray array when SchemaOf(schema.Items) is { } itemSchema:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], itemSchema, FieldPath.Index(path, i), subject, findings);
                }

                break;
        }
    }

    /// <summary>items and additionalProperties are typed object: a schema built in code, or JSON read from the server.</summary>
    private static V1JSONSchemaProps? SchemaOf(object? value) => value switch
    {
        V1JSONSchemaProps props => props,
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Object } element => k8s.KubernetesJson.Deserialize<V1JSONSchemaProps>(element.GetRawText()),
        _ => null,
    };
}
