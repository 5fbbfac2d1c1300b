using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using YamlDotNet.Serialization;

namespace SovereignOps.Api.Profiles;

/// <summary>
/// Writes Kubernetes objects as the YAML a person would write: fields in declaration order, no nulls, no empty
/// lists or maps, strings quoted only where YAML would read them as something else. Output depends only on
/// the objects, so regenerating a bundle gives byte-identical files.
/// </summary>
public static class ManifestYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    /// <summary>One YAML document for <paramref name="resource"/>, preceded by <paramref name="comment"/> lines when given.</summary>
    public static string Document(object resource, params string[] comment)
    {
        var json = JsonNode.Parse(KubernetesJson.Serialize(resource));
        var text = Serializer.Serialize(ToPlain(Prune(json)));
        return string.Concat(comment.Select(line => line.Length == 0 ? "#\n" : $"# {line}\n")) + text;
    }

    /// <summary>Several documents in one stream, separated by <c>---</c>.</summary>
    public static string Stream(IEnumerable<string> documents) => string.Join("---\n", documents);

    private static JsonNode? Prune(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    var pruned = Prune(value);
                    if (pruned is null || pruned is JsonObject { Count: 0 } || pruned is JsonArray { Count: 0 })
                    {
                        obj.Remove(key);
                    }
                }

                return obj;
            case JsonArray array:
                foreach (var item in array)
                {
                    Prune(item);
                }

                return array;
            default:
                return node;
        }
    }

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.Aggregate(new OrderedDictionary<string, object?>(StringComparer.Ordinal), (map, pair) =>
        {
            map.Add(pair.Key, ToPlain(pair.Value));
            return map;
        }),
        JsonArray array => array.Select(ToPlain).ToList(),
        JsonValue value => ToScalar(value),
        _ => throw new InvalidOperationException($"unexpected JSON node {node.GetType().Name}"),
    };

    private static object? ToScalar(JsonValue value)
    {
        var element = value.GetValue<JsonElement>();
        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            JsonValueKind.Number when element.TryGetInt64(out var whole) => whole,
            JsonValueKind.Number => element.GetDouble(),
            _ => throw new InvalidOperationException($"unexpected JSON value {element.ValueKind}"),
        };
    }
}
