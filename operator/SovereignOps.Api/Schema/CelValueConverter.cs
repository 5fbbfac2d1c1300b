using System.Text.Json;
using System.Text.Json.Nodes;

namespace SovereignOps.Api.Schema;

/// <summary>
/// Converts JSON values to the Cel package's value model (maps, lists, long, double, string, bool,
/// null), typed by the schema as the API server types them: <c>type: number</c> fields are doubles even
/// when written without a fraction. Each JSON node is converted once per validation, so nested rules
/// reuse their parents' work; the node counts feed the cost estimate.
/// </summary>
internal sealed class CelValueConverter
{
    private readonly Dictionary<JsonNode, Converted> _converted = new(ReferenceEqualityComparer.Instance);

    public Converted Convert(SchemaNode? schema, JsonNode? node)
    {
        if (node is null)
        {
            return new Converted(null, 1);
        }

        if (node is JsonValue value)
        {
            return new Converted(ConvertScalar(schema, value), 1);
        }

        if (_converted.TryGetValue(node, out var done))
        {
            return done;
        }

        var result = node is JsonObject obj ? ConvertObject(schema, obj) : ConvertArray(schema, node.AsArray());
        _converted[node] = result;
        return result;
    }

    private Converted ConvertObject(SchemaNode? schema, JsonObject obj)
    {
        var map = new Dictionary<string, object?>(obj.Count, StringComparer.Ordinal);
        long nodes = 1;
        foreach (var (name, child) in obj)
        {
            var converted = Convert(schema?.PropertyOrAdditional(name), child);
            map[name] = converted.Value;
            nodes += converted.Nodes;
        }

        return new Converted(map, nodes);
    }

    private Converted ConvertArray(SchemaNode? schema, JsonArray array)
    {
        var list = new List<object?>(array.Count);
        long nodes = 1;
        foreach (var item in array)
        {
            var converted = Convert(schema?.Items, item);
            list.Add(converted.Value);
            nodes += converted.Nodes;
        }

        return new Converted(list, nodes);
    }

    private static object? ConvertScalar(SchemaNode? schema, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return value.GetValue<string>();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number when JsonNumber.TryRead(value, out var number):
                return schema?.Type == "number" || !number.IsInteger ? number.Double : number.Integer;
            default:
                return null;
        }
    }

    /// <summary>A converted value and how many JSON nodes it spans.</summary>
    internal readonly record struct Converted(object? Value, long Nodes);
}
