using System.Text.Json;
using System.Text.Json.Nodes;

namespace SovereignOps.Api.Schema;

/// <summary>The OpenAPI type names of JSON values, as kube-openapi reports them.</summary>
internal static class JsonKinds
{
    public static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public static string TypeName(JsonNode? node) => Kind(node) switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => JsonNumber.TryRead(node, out var n) && n.IsInteger ? "integer" : "number",
        _ => "null",
    };

    public static bool IsString(JsonNode? node, out string text)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            text = value.GetValue<string>();
            return true;
        }

        text = string.Empty;
        return false;
    }
}
