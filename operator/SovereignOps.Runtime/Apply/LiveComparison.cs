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

    public static bool Satisfies(JsonNode? desired, JsonNode? live) => Satisfies(desired, live, parentKey: null, key: null);

    private static bool Satisfies(JsonNode? desired, JsonNode? live, string? parentKey, string? key)
    {
        switch (desired)
        {
            case null:
                return true;
            case JsonObject wanted:
                if (live is not JsonObject actual)
                {
                    return live is null && wanted.Count == 0;
                }

                foreach (var (name, value) in wanted)
                {
                    actual.TryGetPropertyValue(name, out var present);
                    if (present is null ? !IsEmpty(value) : !Satisfies(value, present, key, name))
                    {
                        return false;
                    }
                }

                return true;
            case JsonArray wantedItems:
                if (live is not JsonArray actualItems)
                {
                    return live is null && wantedItems.Count == 0;
                }

                return wantedItems.Count == actualItems.Count
                    && wantedItems.Zip(actualItems).All(pair => Satisfies(pair.First, pair.Second, parentKey, key));
            default:
                return ScalarsEqual((JsonValue)desired, live, QuantityMaps.Contains(parentKey ?? string.Empty) || key == "sizeLimit");
        }
    }

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonObject obj => obj.Count == 0,
        JsonArray array => array.Count == 0,
        _ => node.GetValueKind() == JsonValueKind.String && node.GetValue<string>().Length == 0,
    };

    private static bool ScalarsEqual(JsonValue desired, JsonNode? live, bool isQuantity)
    {
        if (live is not JsonValue actual)
        {
            return false;
        }

        var kind = desired.GetValueKind();
        if (kind == JsonValueKind.Number && actual.GetValueKind() == JsonValueKind.Number)
        {
            // Through the JSON text: a value built in code (an int) and one parsed from the server
            // (a JsonElement) do not convert to each other directly.
            return ParseNumber(desired) == ParseNumber(actual);
        }

        if (JsonNode.DeepEquals(desired, actual))
        {
            return true;
        }

        return isQuantity && QuantitiesEqual(desired, actual);
    }

    private static decimal ParseNumber(JsonValue value) =>
        decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool QuantitiesEqual(JsonValue desired, JsonValue actual)
    {
        try
        {
            return new ResourceQuantity(desired.ToString()).ToDecimal() == new ResourceQuantity(actual.ToString()).ToDecimal();
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or OverflowException)
        {
            return false;
        }
    }
}
