using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;

namespace SovereignOps.Runtime.Apply;

/// <summary>
/// Decides whether a server-side apply would change anything: true when every field of the apply
/// body is already present in the live object with the same value. The live object may hold more
/// (server defaults, status, other managers' fields); those are none of this manager's business.
/// </summary>
/// <remarks>
/// Lists must match item by item and in length: a list that gained or lost items is a change.
/// Two normalisations of the API server are tolerated: an empty string, list or map that the server
/// dropped, and a resource quantity it rewrote in canonical form (<c>0.5</c> → <c>500m</c>).
/// A field the operator stopped setting is caught by the applied-hash annotation, which is part of
/// the body and so compared like any other field.
/// </remarks>
public static class LiveComparison
{
    // Maps whose values are resource quantities (container resources, quotas, PVC requests).
    private static readonly HashSet<string> QuantityMaps = ["requests", "limits", "hard", "capacity", "allocatable"];

    public static bool Satisfies(JsonNode? desired, JsonNode? live)
    {
        if (live is null)
        {
            return Satisfies(desired, default(JsonElement), parentKey: null, key: null);
        }

        using var document = JsonDocument.Parse(live.ToJsonString());
        return Satisfies(desired, document.RootElement, parentKey: null, key: null);
    }

    /// <summary>
    /// The same against the live object's JSON as a read-only document: what the applier uses, because
    /// a document costs a few pooled buffers where a node tree is an object per field.
    /// </summary>
    public static bool Satisfies(JsonNode? desired, JsonElement live) => Satisfies(desired, live, parentKey: null, key: null);

    private static bool Satisfies(JsonNode? desired, JsonElement live, string? parentKey, string? key)
    {
        switch (desired)
        {
            case null:
                return true;
            case JsonObject wanted:
                if (live.ValueKind != JsonValueKind.Object)
                {
                    return IsAbsent(live) && wanted.Count == 0;
                }

                foreach (var (name, value) in wanted)
                {
                    var present = live.TryGetProperty(name, out var found) ? found : default;
                    if (IsAbsent(present) ? !IsEmpty(value) : !Satisfies(value, present, key, name))
                    {
                        return false;
                    }
                }

                return true;
            case JsonArray wantedItems:
                if (live.ValueKind != JsonValueKind.Array)
                {
                    return IsAbsent(live) && wantedItems.Count == 0;
                }

                if (wantedItems.Count != live.GetArrayLength())
                {
                    return false;
                }

                var index = 0;
                foreach (var item in live.EnumerateArray())
                {
                    if (!Satisfies(wantedItems[index++], item, parentKey, key))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return ScalarsEqual((JsonValue)desired, live, QuantityMaps.Contains(parentKey ?? string.Empty) || key == "sizeLimit");
        }
    }

    /// <summary>Missing, or JSON null: what the node form reads as no value.</summary>
    private static bool IsAbsent(JsonElement element) => element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonObject obj => obj.Count == 0,
        JsonArray array => array.Count == 0,
        _ => node.GetValueKind() == JsonValueKind.String && node.GetValue<string>().Length == 0,
    };

    private static bool ScalarsEqual(JsonValue desired, JsonElement live, bool isQuantity)
    {
        if (live.ValueKind is JsonValueKind.Object or JsonValueKind.Array || IsAbsent(live))
        {
            return false;
        }

        var kind = desired.GetValueKind();
        if (kind == JsonValueKind.Number && live.ValueKind == JsonValueKind.Number)
        {
            // Through the JSON text: a value built in code (an int) and one parsed from the server
            // compare by what they denote (2 and 2.0 are equal).
            var wanted = desired.ToJsonString();
            var actual = live.GetRawText();
            return TryParseNumber(wanted, out var a) && TryParseNumber(actual, out var b) ? a == b : wanted == actual;
        }

        var equal = kind switch
        {
            JsonValueKind.String => live.ValueKind == JsonValueKind.String && live.ValueEquals(desired.GetValue<string>()),
            JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => live.ValueKind == kind,
            _ => false,
        };
        if (equal)
        {
            return true;
        }

        return isQuantity && QuantitiesEqual(desired.ToString(), live.ValueKind == JsonValueKind.String ? live.GetString()! : live.GetRawText());
    }

    private static bool TryParseNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static bool QuantitiesEqual(string desired, string actual)
    {
        try
        {
            return new ResourceQuantity(desired).ToDecimal() == new ResourceQuantity(actual).ToDecimal();
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or OverflowException)
        {
            return false;
        }
    }
}
