using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SovereignOps.Rendering.Values;

/// <summary>
/// Chart values in canonical JSON (object keys sorted at every level, no whitespace) and the SHA-256
/// of those bytes. The same values always give the same bytes, whatever order their dictionaries
/// were filled in, so the hash can key the render cache. JSON is valid YAML, so helm reads the file
/// directly, and unlike YAML it cannot turn a string such as "no" or "1.10" into something else.
/// </summary>
public sealed class ChartValuesDocument
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(
            ChartValuesJsonContext.Default, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
    };

    private ChartValuesDocument(byte[] json)
    {
        Json = json;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(json));
    }

    /// <summary>The canonical JSON of the values, UTF-8.</summary>
    public ReadOnlyMemory<byte> Json { get; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Json"/>.</summary>
    public string Sha256 { get; }

    public static ChartValuesDocument From(IChartValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var tree = JsonSerializer.SerializeToNode(values, values.GetType(), SerializerOptions)
            ?? throw new InvalidOperationException("Chart values serialised to null.");
        return new ChartValuesDocument(JsonSerializer.SerializeToUtf8Bytes(Canonical(tree)));
    }

    public override string ToString() => System.Text.Encoding.UTF8.GetString(Json.Span);

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(property => property.Key, StringComparer.Ordinal)
            .Select(property => KeyValuePair.Create(property.Key, Canonical(property.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Canonical)]),
        null => null,
        _ => node.DeepClone(),
    };
}
