using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace SovereignOps.Sandbox.Cluster.Model;

/// <summary>Resource amounts by name (cpu, memory, pods, nvidia.com/gpu, …) in milli-units.</summary>
public sealed class ResourceList
{
    public static readonly ResourceList Empty = new(ImmutableDictionary<string, long>.Empty);

    public ResourceList(ImmutableDictionary<string, long> amounts)
    {
        Amounts = amounts;
    }

    public ImmutableDictionary<string, long> Amounts { get; }

    public long this[string name] => Amounts.GetValueOrDefault(name);

    public static ResourceList From(JsonNode? node)
    {
        if (node is not JsonObject map || map.Count == 0)
        {
            return Empty;
        }

        var builder = ImmutableDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        foreach (var (name, value) in map)
        {
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString();
            if (Quantity.ParseMilli(text) is { } milli)
            {
                builder[name] = milli;
            }
        }

        return new ResourceList(builder.ToImmutable());
    }

    public static ResourceList Of(params (string Name, long Milli)[] amounts) =>
        new(amounts.ToImmutableDictionary(a => a.Name, a => a.Milli, StringComparer.Ordinal));
}
