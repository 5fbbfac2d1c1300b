using System.Collections.Frozen;

namespace SovereignOps.Sandbox.Apply;

/// <summary>
/// The list semantics of the built-in kinds (their patchMergeKey / listType markers), keyed by field name
/// and the field it sits in. Pod specs appear at several depths (pods, templates, job templates), so the
/// rules look at names, not absolute paths.
/// </summary>
internal sealed class BuiltInListSchema(string kind) : IListSchema
{
    private static readonly FrozenSet<string> Containers = FrozenSet.ToFrozenSet(["containers", "initContainers", "ephemeralContainers"]);

    private static readonly FrozenSet<string> StringMaps = FrozenSet.ToFrozenSet(
    [
        "labels", "annotations", "data", "binaryData", "stringData", "nodeSelector", "matchLabels",
        "limits", "requests", "capacity", "allocatable", "hard", "used", "parameters",
    ]);

    public ListInfo ListAt(IReadOnlyList<string> fieldPath)
    {
        var last = fieldPath.Count > 0 ? fieldPath[^1] : "";
        var parent = fieldPath.Count > 1 ? fieldPath[^2] : "";
        return last switch
        {
            "containers" or "initContainers" or "ephemeralContainers" => ListInfo.MapBy("name"),
            "volumes" when parent == "spec" => ListInfo.MapBy("name"),
            "imagePullSecrets" when parent == "spec" => ListInfo.MapBy("name"),
            "secrets" when fieldPath.Count == 1 && kind == "ServiceAccount" => ListInfo.MapBy("name"),
            "hostAliases" => ListInfo.MapBy("ip"),
            "topologySpreadConstraints" => ListInfo.MapBy("topologyKey", "whenUnsatisfiable"),
            "resourceClaims" or "schedulingGates" => ListInfo.MapBy("name"),
            "claims" when parent == "resources" => ListInfo.MapBy("name"),
            "ports" when Containers.Contains(parent) => ListInfo.MapBy("containerPort", "protocol"),
            "ports" when parent == "spec" && kind == "Service" => ListInfo.MapBy("port", "protocol"),
            "env" when Containers.Contains(parent) => ListInfo.MapBy("name"),
            "volumeMounts" => ListInfo.MapBy("mountPath"),
            "volumeDevices" => ListInfo.MapBy("devicePath"),
            "conditions" => ListInfo.MapBy("type"),
            "ownerReferences" when parent == "metadata" => ListInfo.MapBy("uid"),
            "finalizers" when parent == "metadata" => ListInfo.Set,
            "addresses" when parent == "status" && kind == "Node" => ListInfo.MapBy("type"),
            "podIPs" or "hostIPs" => ListInfo.MapBy("ip"),
            _ => ListInfo.Atomic,
        };
    }

    public bool IsMap(IReadOnlyList<string> fieldPath) =>
        fieldPath.Count > 0 && (StringMaps.Contains(fieldPath[^1]) || (kind == "Service" && fieldPath is ["spec", "selector"]));
}
