using System.Text.Json.Nodes;
using k8s.Models;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Schema;

/// <summary>
/// Removes fields the schema does not declare, as the API server prunes custom resources, and says which
/// (for <c>fieldValidation=Strict</c> errors and <c>Warn</c> warnings: <c>unknown field "spec.replicaz"</c>).
/// Fields under <c>x-kubernetes-preserve-unknown-fields</c> are kept; apiVersion, kind and metadata are kept at
/// the root and in embedded resources, with metadata pruned to the fields of ObjectMeta.
/// </summary>
public static class Pruner
{
    private static readonly HashSet<string> ObjectMetaFields = new(StringComparer.Ordinal)
    {
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
        "ownerReferences", "finalizers", "managedFields",
    };

    /// <summary>Prunes <paramref name="node"/> in place; returns the removed paths in document order.</summary>
    /// <param name="isResourceRoot">Whether <paramref name="node"/> is a whole resource (keeps apiVersion, kind, metadata).</param>
    public static IReadOnlyList<string> Prune(V1JSONSchemaProps schema, JsonNode? node, bool isResourceRoot = true) =>
        Prune(StructuralSchema.For(schema), node, isResourceRoot);

    public static IReadOnlyList<string> Prune(StructuralSchema schema, JsonNode? node, bool isResourceRoot = true)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var pruned = new List<string>();
        PruneNode(schema.Root, node, FieldPath.Root, isResourceRoot, pruned);
        return pruned;
    }

    private static void PruneNode(SchemaNode schema, JsonNode? node, string path, bool isResource, List<string> pruned)
    {
        switch (node)
        {
            case JsonObject obj:
                PruneObject(schema, obj, path, isResource || schema.EmbeddedResource, pruned);
                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    PruneNode(items, array[i], FieldPath.Index(path, i), isResource: false, pruned);
                }

                break;
        }
    }

    private static void PruneObject(SchemaNode schema, JsonObject obj, string path, bool isResource, List<string> pruned)
    {
        var keepUnknown = schema.PreserveUnknownFields || schema.AdditionalPropertiesAllowAny;
        List<string>? remove = null;
        foreach (var (name, child) in obj)
        {
            var childPath = FieldPath.Child(path, name);
            if (isResource && name is "apiVersion" or "kind")
            {
                continue;
            }

            if (isResource && name == "metadata")
            {
                PruneMetadata(child, childPath, pruned);
                continue;
            }

            if (schema.PropertyOrAdditional(name) is { } childSchema)
            {
                PruneNode(childSchema, child, childPath, isResource: false, pruned);
            }
            else if (!keepUnknown)
            {
                (remove ??= []).Add(name);
                pruned.Add(childPath);
            }
        }

        foreach (var name in remove ?? [])
        {
            obj.Remove(name);
        }
    }

    private static void PruneMetadata(JsonNode? metadata, string path, List<string> pruned)
    {
        if (metadata is not JsonObject obj)
        {
            return;
        }

        var unknown = obj.Where(p => !ObjectMetaFields.Contains(p.Key)).Select(p => p.Key).ToList();
        foreach (var name in unknown)
        {
            obj.Remove(name);
            pruned.Add(FieldPath.Child(path, name));
        }
    }
}
