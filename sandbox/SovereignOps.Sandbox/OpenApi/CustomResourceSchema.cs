using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.OpenApi;

/// <summary>Turns a CRD version's openAPIV3Schema into the published schema of its kind.</summary>
internal static class CustomResourceSchema
{
    public static JsonObject Build(ResourceType type, JsonObject? crdSchema)
    {
        var schema = crdSchema?.DeepClone() as JsonObject ?? new JsonObject
        {
            ["type"] = "object",
            ["x-kubernetes-preserve-unknown-fields"] = true,
        };
        schema["type"] = "object";
        var properties = schema["properties"] as JsonObject ?? new JsonObject();
        schema["properties"] = properties;
        properties["apiVersion"] = new JsonObject
        {
            ["type"] = "string",
            ["description"] = "APIVersion defines the versioned schema of this representation of an object. Servers convert recognized schemas to the latest internal value.",
        };
        properties["kind"] = new JsonObject
        {
            ["type"] = "string",
            ["description"] = "Kind is a string value representing the REST resource this object represents, in CamelCase.",
        };
        properties["metadata"] = new JsonObject
        {
            ["description"] = "Standard object's metadata: name, namespace, labels, annotations and the fields the server sets.",
            ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/schemas/" + MetadataSchemas.ObjectMeta }),
        };
        schema["x-kubernetes-group-version-kind"] = new JsonArray(new JsonObject
        {
            ["group"] = type.Group,
            ["kind"] = type.Kind,
            ["version"] = type.Version,
        });
        return schema;
    }

    public static JsonObject BuildList(ResourceType type, string itemSchema) => new()
    {
        ["description"] = $"{type.ListKind} is a list of {type.Kind}",
        ["type"] = "object",
        ["required"] = new JsonArray("items"),
        ["properties"] = new JsonObject
        {
            ["apiVersion"] = new JsonObject { ["type"] = "string", ["description"] = "The versioned schema of this list." },
            ["items"] = new JsonObject
            {
                ["type"] = "array",
                ["description"] = $"List of {type.Plural}.",
                ["items"] = new JsonObject { ["$ref"] = "#/components/schemas/" + itemSchema },
            },
            ["kind"] = new JsonObject { ["type"] = "string", ["description"] = "The kind of this list." },
            ["metadata"] = new JsonObject
            {
                ["description"] = "Standard list metadata.",
                ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/schemas/" + MetadataSchemas.ListMeta }),
            },
        },
        ["x-kubernetes-group-version-kind"] = new JsonArray(new JsonObject
        {
            ["group"] = type.Group,
            ["kind"] = type.ListKind,
            ["version"] = type.Version,
        }),
    };
}
