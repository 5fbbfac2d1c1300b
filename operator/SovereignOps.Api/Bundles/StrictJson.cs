using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Bundles;

/// <summary>
/// Typed deserialisation that refuses what it cannot map: an unknown field or a value of the wrong type is
/// an error with the field's path, never silently dropped. The converters are KubernetesClient's, so
/// timestamps, quantities and int-or-string values read as they do everywhere else, and its
/// source-generated metadata serves the Kubernetes models (no reflection for those on first use).
/// </summary>
public static class StrictJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Reads <paramref name="node"/> as <paramref name="type"/>, or returns the path and reason it cannot.</summary>
    public static object? Deserialize(JsonNode node, Type type, out string? errorPath, out string? error)
    {
        try
        {
            var value = node.Deserialize(type, Options);
            errorPath = null;
            error = value is null ? "the document is empty" : null;
            return value;
        }
        catch (JsonException exception)
        {
            errorPath = ToFieldPath(exception.Path);
            error = Describe(exception, errorPath);
            return null;
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            // Converters for quantities and timestamps throw these for malformed text; the path is not known.
            errorPath = FieldPath.Root;
            error = $"a value cannot be read: {exception.Message}";
            return null;
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = KubernetesJsonConventions.CreateOptions();
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.MakeReadOnly();
        return options;
    }

    private static string Describe(JsonException exception, string path)
    {
        var message = exception.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            var name = path.Length == 0 ? path : path[(path.LastIndexOfAny(['.', '[']) + 1)..].Trim('"', '[', ']');
            return $"unknown field {Quote(name)}; check the spelling against the kind's schema";
        }

        return message.Contains("could not be converted to", StringComparison.Ordinal)
            ? $"expected {ExpectedType(message)}"
            : message;
    }

    private static string ExpectedType(string message) =>
        message switch
        {
            _ when message.Contains("Dictionary", StringComparison.Ordinal) => "a mapping",
            _ when message.Contains("List", StringComparison.Ordinal) || message.Contains("[]", StringComparison.Ordinal) => "a list",
            _ when message.Contains("Boolean", StringComparison.Ordinal) => "a boolean (true or false)",
            _ when message.Contains("Int32", StringComparison.Ordinal) || message.Contains("Int64", StringComparison.Ordinal) => "an integer",
            _ when message.Contains("Double", StringComparison.Ordinal) => "a number",
            _ when message.Contains("DateTime", StringComparison.Ordinal) => "an RFC 3339 timestamp",
            _ when message.Contains("System.String", StringComparison.Ordinal) => "a string",
            _ => "a value of another type",
        };

    /// <summary>Turns System.Text.Json's <c>$.spec.taints[0]['a.b']</c> into the field-path format <c>spec.taints[0]["a.b"]</c>.</summary>
    internal static string ToFieldPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return FieldPath.Root;
        }

        var path = new StringBuilder();
        var i = jsonPath.StartsWith('$') ? 1 : 0;
        while (i < jsonPath.Length)
        {
            if (jsonPath[i] == '.')
            {
                var end = jsonPath.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? jsonPath.Length : end;
                FieldPath.AppendChild(path, jsonPath[(i + 1)..end]);
                i = end;
            }
            else if (jsonPath[i] == '[' && i + 1 < jsonPath.Length && jsonPath[i + 1] == '\'')
            {
                var end = jsonPath.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? jsonPath.Length : end;
                FieldPath.AppendChild(path, jsonPath[(i + 2)..end].Replace("\\'", "'", StringComparison.Ordinal));
                i = Math.Min(jsonPath.Length, end + 2);
            }
            else if (jsonPath[i] == '[')
            {
                var end = jsonPath.IndexOf(']', i);
                if (end < 0 || !int.TryParse(jsonPath.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    break;
                }

                FieldPath.AppendIndex(path, index);
                i = end + 1;
            }
            else
            {
                break;
            }
        }

        return path.ToString();
    }

    private static string Quote(string value) => $"\"{value}\"";
}
