using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Apply;

/// <summary>Computes the fields an object sets, in FieldsV1 form, for ownership tracking.</summary>
internal static class FieldSetBuilder
{
    /// <summary>Metadata the server owns; never part of anyone's field set.</summary>
    private static readonly HashSet<string> SystemMetadata =
    [
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink",
    ];

    private static readonly FieldPath MetadataPath = new(["f:metadata"]);

    public static FieldSet Build(ResourceType type, JsonObject obj, Subresource subresource)
    {
        var schema = ListSchemas.For(type);
        var set = new FieldSet();
        var fieldPath = new List<string>();
        foreach (var (key, value) in obj)
        {
            if (!Tracked(type, subresource, key) || value is null)
            {
                continue;
            }

            fieldPath.Add(key);
            var child = set.Child("f:" + key);
            if (key == "metadata" && value is JsonObject metadata)
            {
                foreach (var (metaKey, metaValue) in metadata)
                {
                    if (SystemMetadata.Contains(metaKey) || metaValue is null)
                    {
                        continue;
                    }

                    fieldPath.Add(metaKey);
                    AddValue(metaValue, fieldPath, child.Child("f:" + metaKey), schema);
                    fieldPath.RemoveAt(fieldPath.Count - 1);
                }

                if (child.IsEmpty)
                {
                    set.Remove(MetadataPath);
                }
            }
            else
            {
                AddValue(value, fieldPath, child, schema);
            }

            fieldPath.RemoveAt(fieldPath.Count - 1);
        }

        return set;
    }

    private static bool Tracked(ResourceType type, Subresource subresource, string topLevel) => topLevel switch
    {
        "apiVersion" or "kind" => false,
        "status" => subresource == Subresource.Status || !type.HasStatus,
        "metadata" => subresource == Subresource.Main,
        _ => subresource == Subresource.Main,
    };

    private static void AddValue(JsonNode value, List<string> fieldPath, FieldSet node, IListSchema schema)
    {
        switch (value)
        {
            case JsonObject obj when obj.Count > 0:
                if (schema.IsMap(fieldPath))
                {
                    node.IsMember = true;
                }

                foreach (var (key, child) in obj)
                {
                    if (child is null)
                    {
                        continue;
                    }

                    fieldPath.Add(key);
                    AddValue(child, fieldPath, node.Child("f:" + key), schema);
                    fieldPath.RemoveAt(fieldPath.Count - 1);
                }

                break;
            case JsonArray array when array.Count > 0:
                AddList(array, fieldPath, node, schema);
                break;
            default:
                node.IsMember = true;
                break;
        }
    }

    private static void AddList(JsonArray array, List<string> fieldPath, FieldSet node, IListSchema schema)
    {
        var info = schema.ListAt(fieldPath);
        switch (info.Kind)
        {
            case ListKind.Set:
                foreach (var item in array)
                {
                    node.Child(FieldPath.ValueElement(item)).IsMember = true;
                }

                return;
            case ListKind.Map when array.All(i => i is JsonObject o && FieldPath.KeyElement(o, info.Keys).Length > 0):
                foreach (var item in array.Cast<JsonObject>())
                {
                    var itemNode = node.Child(FieldPath.KeyElement(item, info.Keys));
                    itemNode.IsMember = true;
                    foreach (var (key, child) in item)
                    {
                        if (child is null)
                        {
                            continue;
                        }

                        fieldPath.Add(key);
                        AddValue(child, fieldPath, itemNode.Child("f:" + key), schema);
                        fieldPath.RemoveAt(fieldPath.Count - 1);
                    }
                }

                return;
            default:
                node.IsMember = true;
                return;
        }
    }
}
