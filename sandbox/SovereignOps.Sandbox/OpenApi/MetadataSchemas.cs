using System.Text.Json.Nodes;

namespace SovereignOps.Sandbox.OpenApi;

/// <summary>The metadata schemas custom resource schemas refer to, with the fields users meet most.</summary>
internal static class MetadataSchemas
{
    public const string ObjectMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    public const string ListMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta";
    private const string OwnerReference = "io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference";
    private const string ManagedFieldsEntry = "io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry";

    public static IEnumerable<(string Name, JsonObject Schema)> All()
    {
        yield return (ObjectMeta, Object("Metadata every persisted resource carries.", new JsonObject
        {
            ["name"] = Text("The object's name, unique within its namespace (or the cluster). Cannot be updated."),
            ["generateName"] = Text("A prefix the server completes with a random suffix when name is empty."),
            ["namespace"] = Text("The namespace the object lives in; empty for cluster-scoped objects."),
            ["uid"] = Text("A unique identifier the server assigns on creation. Read-only."),
            ["resourceVersion"] = Text("An opaque version that changes with every write; used for optimistic concurrency and watches. Read-only."),
            ["generation"] = new JsonObject { ["type"] = "integer", ["format"] = "int64", ["description"] = "Counts changes to the desired state. Read-only." },
            ["creationTimestamp"] = Text("When the object was created, RFC 3339. Read-only.", "date-time"),
            ["deletionTimestamp"] = Text("When deletion was requested; the object goes once its finalizers are removed. Read-only.", "date-time"),
            ["deletionGracePeriodSeconds"] = new JsonObject { ["type"] = "integer", ["format"] = "int64", ["description"] = "Seconds allowed for graceful termination. Read-only." },
            ["labels"] = StringMap("Key-value pairs used to organise and select objects."),
            ["annotations"] = StringMap("Key-value pairs for tools and people; not used for selection."),
            ["finalizers"] = new JsonObject
            {
                ["type"] = "array",
                ["description"] = "Names of the controllers that must finish cleanup before the object is removed.",
                ["items"] = new JsonObject { ["type"] = "string", ["default"] = "" },
                ["x-kubernetes-list-type"] = "set",
            },
            ["ownerReferences"] = new JsonObject
            {
                ["type"] = "array",
                ["description"] = "Objects this one depends on; when all owners are gone, the garbage collector removes it.",
                ["items"] = new JsonObject { ["$ref"] = "#/components/schemas/" + OwnerReference },
                ["x-kubernetes-list-type"] = "map",
                ["x-kubernetes-list-map-keys"] = new JsonArray("uid"),
            },
            ["managedFields"] = new JsonObject
            {
                ["type"] = "array",
                ["description"] = "Which field manager set which fields, by apply or by update.",
                ["items"] = new JsonObject { ["$ref"] = "#/components/schemas/" + ManagedFieldsEntry },
            },
        }));
        yield return (ListMeta, Object("Metadata of lists.", new JsonObject
        {
            ["resourceVersion"] = Text("The version of the list; watch from it to receive later changes."),
            ["continue"] = Text("Set when the list was cut by limit: pass it back to get the next page."),
            ["remainingItemCount"] = new JsonObject { ["type"] = "integer", ["format"] = "int64", ["description"] = "How many items the following pages hold." },
        }));
        yield return (OwnerReference, Object("Identifies an owner of the object.", new JsonObject
        {
            ["apiVersion"] = Text("API version of the owner."),
            ["kind"] = Text("Kind of the owner."),
            ["name"] = Text("Name of the owner."),
            ["uid"] = Text("UID of the owner."),
            ["controller"] = new JsonObject { ["type"] = "boolean", ["description"] = "True when the owner is the managing controller." },
            ["blockOwnerDeletion"] = new JsonObject { ["type"] = "boolean", ["description"] = "True when foreground deletion of the owner waits for this object." },
        }, "apiVersion", "kind", "name", "uid"));
        yield return (ManagedFieldsEntry, Object("One manager's ownership of fields.", new JsonObject
        {
            ["manager"] = Text("The field manager's name."),
            ["operation"] = Text("Apply or Update."),
            ["apiVersion"] = Text("The version the fields were set through."),
            ["time"] = Text("When the manager last changed its fields.", "date-time"),
            ["fieldsType"] = Text("The format of fieldsV1; always FieldsV1."),
            ["fieldsV1"] = new JsonObject { ["type"] = "object", ["description"] = "The owned fields as a tree of path elements." },
            ["subresource"] = Text("The subresource the fields were set through, if any."),
        }));
    }

    private static JsonObject Object(string description, JsonObject properties, params string[] required)
    {
        var schema = new JsonObject { ["description"] = description, ["type"] = "object", ["properties"] = properties };
        if (required.Length > 0)
        {
            schema["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]);
        }

        return schema;
    }

    private static JsonObject Text(string description, string? format = null)
    {
        var schema = new JsonObject { ["type"] = "string", ["description"] = description };
        if (format is not null)
        {
            schema["format"] = format;
        }

        return schema;
    }

    private static JsonObject StringMap(string description) => new()
    {
        ["type"] = "object",
        ["description"] = description,
        ["additionalProperties"] = new JsonObject { ["type"] = "string", ["default"] = "" },
    };
}
