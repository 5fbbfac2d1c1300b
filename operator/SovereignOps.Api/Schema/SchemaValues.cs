using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace SovereignOps.Api.Schema;

/// <summary>
/// Reads the loosely typed members of <see cref="V1JSONSchemaProps"/> (typed <c>object</c>): they hold
/// JsonElements when the schema was deserialized and CLR values when it was built in code.
/// </summary>
internal static class SchemaValues
{
    public static JsonNode? ToJsonNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create((long)number),
        long number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        float number => JsonValue.Create((double)number),
        decimal number => JsonValue.Create(number),
        _ => JsonNode.Parse(KubernetesJson.Serialize(value)),
    };

    /// <summary>A nested schema or a boolean, as <c>additionalProperties</c> and <c>items</c> may hold.</summary>
    public static (V1JSONSchemaProps? Schema, bool? Flag, bool IsList) ToSchemaOrFlag(object? value) => value switch
    {
        null => (null, null, false),
        V1JSONSchemaProps schema => (schema, null, false),
        bool flag => (null, flag, false),
        JsonElement { ValueKind: JsonValueKind.True } => (null, true, false),
        JsonElement { ValueKind: JsonValueKind.False } => (null, false, false),
        JsonElement { ValueKind: JsonValueKind.Array } => (null, null, true),
        JsonElement { ValueKind: JsonValueKind.Object } element => (KubernetesJson.Deserialize<V1JSONSchemaProps>(element.GetRawText()), null, false),
        JsonValue node when node.GetValueKind() is JsonValueKind.True or JsonValueKind.False => (null, node.GetValue<bool>(), false),
        JsonArray => (null, null, true),
        System.Collections.IEnumerable and not string and not System.Collections.IDictionary => (null, null, true),
        _ => (KubernetesJson.Deserialize<V1JSONSchemaProps>(KubernetesJson.Serialize(value)), null, false),
    };
}
