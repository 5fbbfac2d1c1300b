using System.Collections;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SovereignOps.Sandbox.Apply;

/// <summary>A path of FieldsV1 elements (<c>f:</c>, <c>k:</c>, <c>v:</c>) from the object's root.</summary>
internal sealed class FieldPath(ImmutableArray<string> elements) : IReadOnlyList<string>
{
    public static readonly FieldPath Root = new([]);

    public int Count => elements.Length;

    public string this[int index] => elements[index];

    public FieldPath Append(string element) => new(elements.Add(element));

    public FieldPath Parent => new(elements.RemoveAt(elements.Length - 1));

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)elements).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static implicit operator FieldPath(ImmutableArray<string> elements) => new(elements);

    public static implicit operator FieldPath(string[] elements) => new([.. elements]);

    /// <summary>The path as the API server prints it in conflicts: <c>.spec.containers[name="app"].image</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var element in elements)
        {
            if (element.StartsWith("f:", StringComparison.Ordinal))
            {
                text.Append('.').Append(element[2..]);
            }
            else if (element.StartsWith("k:", StringComparison.Ordinal) && JsonNode.Parse(element[2..]) is JsonObject key)
            {
                text.Append('[').Append(string.Join(",", key.Select(k => $"{k.Key}={k.Value?.ToJsonString()}"))).Append(']');
            }
            else if (element.StartsWith("v:", StringComparison.Ordinal))
            {
                text.Append("[=").Append(element[2..]).Append(']');
            }
            else
            {
                text.Append('[').Append(element).Append(']');
            }
        }

        return text.ToString();
    }

    public static string KeyElement(JsonObject item, IEnumerable<string> keys)
    {
        var key = new JsonObject();
        foreach (var name in keys.Order(StringComparer.Ordinal))
        {
            if (item[name] is { } value)
            {
                key[name] = value.DeepClone();
            }
        }

        return key.Count == 0 ? "" : "k:" + key.ToJsonString(SandboxJson.Options);
    }

    public static string ValueElement(JsonNode? value) => "v:" + (value?.ToJsonString(SandboxJson.Options) ?? "null");

    /// <summary>Finds the JSON node a path points at; false when any step is missing.</summary>
    public static bool TryFind(JsonNode? root, FieldPath path, out JsonNode? value)
    {
        value = root;
        foreach (var element in path)
        {
            if (!TryStep(value, element, out value, out _))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Removes what a path points at; false when it was not there.</summary>
    public static bool Remove(JsonNode? root, FieldPath path)
    {
        if (path.Count == 0 || !TryFind(root, path.Parent, out var parent))
        {
            return false;
        }

        if (!TryStep(parent, path[^1], out _, out var index))
        {
            return false;
        }

        switch (parent)
        {
            case JsonObject obj:
                return obj.Remove(path[^1][2..]);
            case JsonArray array:
                array.RemoveAt(index);
                return true;
            default:
                return false;
        }
    }

    private static bool TryStep(JsonNode? node, string element, out JsonNode? next, out int index)
    {
        next = null;
        index = -1;
        if (element.StartsWith("f:", StringComparison.Ordinal))
        {
            return node is JsonObject obj && obj.TryGetPropertyValue(element[2..], out next);
        }

        if (node is not JsonArray array)
        {
            return false;
        }

        if (element.StartsWith("k:", StringComparison.Ordinal))
        {
            if (JsonNode.Parse(element[2..]) is not JsonObject key)
            {
                return false;
            }

            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonObject item && key.All(k => JsonNode.DeepEquals(item[k.Key], k.Value)))
                {
                    next = item;
                    index = i;
                    return true;
                }
            }

            return false;
        }

        if (element.StartsWith("v:", StringComparison.Ordinal))
        {
            JsonNode? wanted;
            try
            {
                wanted = JsonNode.Parse(element[2..]);
            }
            catch (JsonException)
            {
                return false;
            }

            for (var i = 0; i < array.Count; i++)
            {
                if (JsonNode.DeepEquals(array[i], wanted))
                {
                    next = array[i];
                    index = i;
                    return true;
                }
            }
        }

        return false;
    }
}
