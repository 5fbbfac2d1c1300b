using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Storage;

/// <summary>
/// One version of one object as stored: its serialized JSON (immutable, shared by every reader and
/// every watch stream) plus the metadata that selectors, garbage collection and routing need without
/// parsing the JSON again.
/// </summary>
public sealed class StoredObject
{
    private StoredObject(GroupResource resource, JsonObject obj, long resourceVersion, byte[] json)
    {
        Resource = resource;
        ResourceVersion = resourceVersion;
        Json = json;
        var metadata = obj["metadata"] as JsonObject;
        Namespace = metadata?["namespace"]?.GetValue<string>() ?? "";
        Name = metadata?["name"]?.GetValue<string>() ?? "";
        Uid = metadata?["uid"]?.GetValue<string>() ?? "";
        Labels = ReadStringMap(metadata?["labels"]);
        Finalizers = metadata?["finalizers"] is JsonArray finalizers
            ? [.. finalizers.Select(f => f?.GetValue<string>() ?? "")]
            : [];
        IsDeleting = metadata?["deletionTimestamp"] is not null;
        Owners = metadata?["ownerReferences"] is JsonArray owners
            ? [.. owners.OfType<JsonObject>().Select(OwnerReference.From)]
            : [];
    }

    public GroupResource Resource { get; }

    /// <summary>The namespace, or "" for a cluster-scoped object.</summary>
    public string Namespace { get; }

    public string Name { get; }

    public string Uid { get; }

    public long ResourceVersion { get; }

    /// <summary>The object's UTF-8 JSON. Never mutate.</summary>
    public byte[] Json { get; }

    public ImmutableDictionary<string, string> Labels { get; }

    public ImmutableArray<string> Finalizers { get; }

    public ImmutableArray<OwnerReference> Owners { get; }

    /// <summary>metadata.deletionTimestamp is set: the object waits for its finalizers.</summary>
    public bool IsDeleting { get; }

    public string Key => StorageKey(Namespace, Name);

    /// <summary>A fresh, private, mutable copy of the object.</summary>
    public JsonObject ToJsonObject() => SandboxJson.ParseObject(Json);

    public override string ToString() => $"{Resource} {Key}@{ResourceVersion}";

    internal static StoredObject Seal(GroupResource resource, JsonObject obj, long resourceVersion)
    {
        var metadata = obj["metadata"] as JsonObject ?? throw new InvalidOperationException("an object without metadata cannot be stored");
        metadata["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new StoredObject(resource, obj, resourceVersion, SandboxJson.ToBytes(obj));
    }

    /// <summary>An object that is not (or not yet) stored, e.g. the answer to a dry run.</summary>
    public static StoredObject Transient(GroupResource resource, JsonObject obj)
    {
        var version = long.TryParse(obj.Metadata().GetString("resourceVersion"), out var parsed) ? parsed : 0;
        return new StoredObject(resource, obj, version, SandboxJson.ToBytes(obj));
    }

    /// <summary>Namespaced objects sort by namespace then name, cluster objects by name.</summary>
    public static string StorageKey(string ns, string name) => ns.Length == 0 ? name : ns + "/" + name;

    private static ImmutableDictionary<string, string> ReadStringMap(JsonNode? node)
    {
        if (node is not JsonObject map || map.Count == 0)
        {
            return ImmutableDictionary<string, string>.Empty;
        }

        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            builder[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
        }

        return builder.ToImmutable();
    }
}

/// <summary>The parts of an ownerReference the garbage collector acts on.</summary>
public sealed record OwnerReference(string ApiVersion, string Kind, string Name, string Uid, bool Controller, bool BlockOwnerDeletion)
{
    internal static OwnerReference From(JsonObject o) => new(
        o["apiVersion"]?.GetValue<string>() ?? "",
        o["kind"]?.GetValue<string>() ?? "",
        o["name"]?.GetValue<string>() ?? "",
        o["uid"]?.GetValue<string>() ?? "",
        o["controller"] is JsonValue c && c.TryGetValue<bool>(out var isController) && isController,
        o["blockOwnerDeletion"] is JsonValue b && b.TryGetValue<bool>(out var blocks) && blocks);
}
