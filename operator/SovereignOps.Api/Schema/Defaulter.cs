using System.Text.Json.Nodes;
using k8s.Models;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Schema;

/// <summary>
/// Applies schema defaults the way the API server does for custom resources: an absent property with a
/// <c>default</c> gets it, at every level of objects that exist (including objects inside lists and
/// maps, and inside values just defaulted). A null in a field that is not nullable is dropped first,
/// then defaulted if the field has a default.
/// </summary>
public static class Defaulter
{
    /// <summary>Defaults <paramref name="node"/> in place; returns the paths that received a default.</summary>
    public static IReadOnlyList<string> Apply(V1JSONSchemaProps schema, JsonNode? node) => Apply(StructuralSchema.For(schema), node);

    public static IReadOnlyList<string> Apply(StructuralSchema schema, JsonNode? node)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var defaulted = new List<string>();
        Default(schema.Root, node, FieldPath.Root, defaulted);
        return defaulted;
    }

    private static void Default(SchemaNode schema, JsonNode? node, string path, List<string> defaulted)
    {
        switch (node)
        {
            case JsonObject obj:
                DefaultObject(schema, obj, path, defaulted);
                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    Default(items, array[i], FieldPath.Index(path, i), defaulted);
                }

                break;
        }
    }

    private static void DefaultObject(SchemaNode schema, JsonObject obj, string path, List<string> defaulted)
    {
        if (schema.Properties is not null)
        {
            foreach (var (name, property) in schema.Properties)
            {
                var present = obj.TryGetPropertyValue(name, out var value);
                if (present && value is null && !property.Nullable)
                {
                    obj.Remove(name);
                    present = false;
                }

                if (!present && property.HasDefault && (property.Default is not null || property.Nullable))
                {
                    obj[name] = property.Default?.DeepClone();
                    defaulted.Add(FieldPath.Child(path, name));
                }
            }
        }

        if (schema.AdditionalProperties is { } additional)
        {
            var nulls = obj.Where(p => p.Value is null && !additional.Nullable && schema.Properties?.ContainsKey(p.Key) != true).Select(p => p.Key).ToList();
            foreach (var name in nulls)
            {
                if (additional.HasDefault && additional.Default is not null)
                {
                    obj[name] = additional.Default.DeepClone();
                    defaulted.Add(FieldPath.Child(path, name));
                }
                else
                {
                    obj.Remove(name);
                }
            }
        }

        foreach (var (name, child) in obj.ToList())
        {
            if (child is JsonObject or JsonArray && schema.PropertyOrAdditional(name) is { } childSchema)
            {
                Default(childSchema, child, FieldPath.Child(path, name), defaulted);
            }
        }
    }
}
