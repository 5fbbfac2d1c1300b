using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.OpenApi;

/// <summary>Builds the OpenAPI v3 document of one group-version.</summary>
internal static class GroupVersionDocument
{
    private const string PatchSchema = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";
    private const string DeleteOptionsSchema = "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions";

    public static JsonObject Build(IReadOnlyList<ResourceType> resources)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject
        {
            [PatchSchema] = new JsonObject { ["type"] = "object", ["description"] = "A patch body: JSON patch, merge patch or an apply configuration." },
            [DeleteOptionsSchema] = new JsonObject { ["type"] = "object", ["description"] = "Options of a delete request." },
        };
        var needsMeta = false;
        foreach (var type in resources)
        {
            var kindSchema = type.Custom is not null ? SchemaName(type) : null;
            if (type.Custom is { } custom)
            {
                schemas[kindSchema!] = CustomResourceSchema.Build(type, custom.Schema);
                schemas[kindSchema + "List"] = CustomResourceSchema.BuildList(type, kindSchema!);
                needsMeta = true;
            }

            var prefix = type.Group.Length == 0 ? $"/api/{type.Version}" : $"/apis/{type.Group}/{type.Version}";
            var scope = type.Namespaced ? "/namespaces/{namespace}" : "";
            var collection = $"{prefix}{scope}/{type.Plural}";
            paths[collection] = CollectionPath(type, kindSchema);
            paths[collection + "/{name}"] = ItemPath(type, kindSchema);
            if (type.HasStatus)
            {
                paths[collection + "/{name}/status"] = ItemPath(type, kindSchema);
            }
        }

        if (needsMeta)
        {
            foreach (var (name, schema) in MetadataSchemas.All())
            {
                schemas[name] = schema;
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Sovereign sandbox", ["version"] = "v1.34.5" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    /// <summary>The component name of a kind's schema, e.g. <c>io.sovereignops.v1alpha1.GpuPool</c>.</summary>
    public static string SchemaName(ResourceType type)
    {
        var reversed = string.Join('.', type.Group.Split('.').Reverse());
        return $"{reversed}.{type.Version}.{type.Kind}";
    }

    private static JsonObject CollectionPath(ResourceType type, string? kindSchema) => new()
    {
        ["get"] = Operation(type, "list", $"list or watch objects of kind {type.Kind}", kindSchema is null ? null : kindSchema + "List", false, ListParameters()),
        ["post"] = Operation(type, "post", $"create a {type.Kind}", kindSchema, true, WriteParameters()),
        ["delete"] = Operation(type, "deletecollection", $"delete collection of {type.Kind}", null, false, ListParameters()),
        ["parameters"] = PathParameters(type, item: false),
    };

    private static JsonObject ItemPath(ResourceType type, string? kindSchema) => new()
    {
        ["get"] = Operation(type, "get", $"read the specified {type.Kind}", kindSchema, false, []),
        ["put"] = Operation(type, "put", $"replace the specified {type.Kind}", kindSchema, true, WriteParameters()),
        ["patch"] = PatchOperation(type, kindSchema),
        ["delete"] = Operation(type, "delete", $"delete a {type.Kind}", null, false, [Query("dryRun", "string"), Query("gracePeriodSeconds", "integer"), Query("propagationPolicy", "string")]),
        ["parameters"] = PathParameters(type, item: true),
    };

    private static JsonObject Operation(ResourceType type, string action, string description, string? schema, bool hasBody, JsonArray parameters)
    {
        var operation = new JsonObject
        {
            ["description"] = description,
            ["operationId"] = $"{action}{Pascal(type.Group)}{Pascal(type.Version)}{(type.Namespaced ? "Namespaced" : "")}{type.Kind}",
            ["parameters"] = parameters,
            ["responses"] = new JsonObject { ["200"] = Response(schema) },
            ["x-kubernetes-action"] = action,
            ["x-kubernetes-group-version-kind"] = Gvk(type),
        };
        if (hasBody)
        {
            operation["requestBody"] = new JsonObject
            {
                ["content"] = new JsonObject { ["*/*"] = new JsonObject { ["schema"] = Reference(schema) } },
                ["required"] = true,
            };
        }

        return operation;
    }

    /// <summary>
    /// The patch operation. Built-in kinds do not list strategic merge patch here on purpose: kubectl then
    /// computes strategic patches from its own compiled-in types instead of from schemas this server lacks.
    /// </summary>
    private static JsonObject PatchOperation(ResourceType type, string? kindSchema)
    {
        var operation = Operation(type, "patch", $"partially update the specified {type.Kind}", kindSchema, false, WriteParameters());
        operation["parameters"]!.AsArray().Add(Query("force", "boolean"));
        var content = new JsonObject();
        foreach (var mediaType in new[] { "application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml" })
        {
            content[mediaType] = new JsonObject { ["schema"] = Reference(PatchSchema) };
        }

        operation["requestBody"] = new JsonObject { ["content"] = content, ["required"] = true };
        return operation;
    }

    private static JsonObject Response(string? schema) => new()
    {
        ["description"] = "OK",
        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Reference(schema) } },
    };

    private static JsonObject Reference(string? schema) =>
        schema is null ? new JsonObject { ["type"] = "object" } : new JsonObject { ["$ref"] = $"#/components/schemas/{schema}" };

    private static JsonArray WriteParameters() =>
    [
        Query("dryRun", "string", "When present, all stages of the request run but nothing is persisted. The only valid value is All."),
        Query("fieldManager", "string", "A name for the actor making the change, recorded in managedFields."),
        Query("fieldValidation", "string", "What the server does with unknown or duplicate fields: Ignore, Warn or Strict."),
    ];

    private static JsonArray ListParameters() =>
    [
        Query("labelSelector", "string"), Query("fieldSelector", "string"), Query("limit", "integer"), Query("continue", "string"),
        Query("resourceVersion", "string"), Query("watch", "boolean"), Query("allowWatchBookmarks", "boolean"), Query("timeoutSeconds", "integer"),
    ];

    private static JsonArray PathParameters(ResourceType type, bool item)
    {
        var parameters = new JsonArray();
        if (item)
        {
            parameters.Add(PathParameter("name", $"name of the {type.Kind}"));
        }

        if (type.Namespaced)
        {
            parameters.Add(PathParameter("namespace", "object name and auth scope, such as for teams and projects"));
        }

        return parameters;
    }

    private static JsonObject PathParameter(string name, string description) => new()
    {
        ["name"] = name,
        ["in"] = "path",
        ["description"] = description,
        ["required"] = true,
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    private static JsonObject Query(string name, string type, string description = "") => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["description"] = description,
        ["schema"] = new JsonObject { ["type"] = type, ["uniqueItems"] = true },
    };

    private static JsonObject Gvk(ResourceType type) => new() { ["group"] = type.Group, ["version"] = type.Version, ["kind"] = type.Kind };

    private static string Pascal(string text) =>
        string.Concat(text.Split('.', '-').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
