using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Apply;

public enum ListKind
{
    /// <summary>Replaced as a whole; owned as one field.</summary>
    Atomic,

    /// <summary>Scalars merged by value (finalizers).</summary>
    Set,

    /// <summary>Objects merged by their key fields (containers by name, ports by containerPort and protocol).</summary>
    Map,
}

/// <summary>
/// How a list merges. <see cref="Keys"/> identify items for server-side apply; <see cref="MergeKey"/>
/// is the single patchMergeKey strategic merge patch uses, null when the list is replaced.
/// </summary>
public sealed record ListInfo(ListKind Kind, ImmutableArray<string> Keys, string? MergeKey)
{
    public static readonly ListInfo Atomic = new(ListKind.Atomic, [], null);

    public static readonly ListInfo Set = new(ListKind.Set, [], null);

    public static ListInfo MapBy(params string[] keys) => new(ListKind.Map, [.. keys], keys[0]);
}

/// <summary>Answers, for a field path (field names from the root, list positions left out), how it merges.</summary>
public interface IListSchema
{
    ListInfo ListAt(IReadOnlyList<string> fieldPath);

    /// <summary>True for string-keyed maps (labels, data): their entries are owned one by one.</summary>
    bool IsMap(IReadOnlyList<string> fieldPath);
}

public static class ListSchemas
{
    private static readonly ConditionalWeakTable<CustomResourceInfo, IListSchema> CustomCache = new();

    public static IListSchema For(ResourceType type) =>
        type.Custom is { } custom
            ? CustomCache.GetValue(custom, c => new CustomResourceListSchema(c.Schema))
            : new BuiltInListSchema(type.Kind);
}
