using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Rendering.Manifests;

/// <summary>
/// Splits <c>helm template</c> output into documents and loads each into its KubernetesClient model
/// with unknown fields rejected. Every failure names the object (kind and name), the template it
/// came from and, for a field problem, the field's path.
/// </summary>
public static partial class HelmOutputParser
{
    public static ParsedManifest Parse(string helmOutput, string chart)
    {
        ArgumentNullException.ThrowIfNull(helmOutput);
        var objects = new List<RenderedObject>();
        foreach (var document in DocumentSeparator().Split(helmOutput.ReplaceLineEndings("\n")))
        {
            var parsed = ParseDocument(document, chart);
            if (parsed.Error is not null)
            {
                return ParsedManifest.Failed(parsed.Error);
            }

            if (parsed.Object is not null)
            {
                objects.Add(parsed.Object);
            }
        }

        return ParsedManifest.Parsed(new RenderedManifest(objects));
    }

    private static (RenderedObject? Object, RenderError? Error) ParseDocument(string document, string chart)
    {
        var source = SourceComment().Match(document) is { Success: true } match ? match.Groups[1].Value.Trim() : "(unknown template)";
        var read = YamlDocumentReader.Read(document, source, Limits);
        if (!read.Succeeded)
        {
            var error = read.Errors[0];
            return (null, Invalid(chart, source, null, null, null, $"is not valid YAML at line {error.Line}: {error.Message}"));
        }

        if (read.Documents.Count == 0 || IsEmpty(read.Documents[0].Root))
        {
            return (null, null); // a template that rendered nothing
        }

        if (read.Documents.Count > 1 || read.Documents[0].Root is not JsonObject mapping)
        {
            return (null, Invalid(chart, source, null, null, null, "is not a Kubernetes object (its document is not a mapping)"));
        }

        var apiVersion = Scalar(mapping, "apiVersion");
        var kind = Scalar(mapping, "kind");
        var name = mapping["metadata"] is JsonObject metadata ? Scalar(metadata, "name") : null;
        if (apiVersion is null || kind is null || name is null)
        {
            return (null, Invalid(chart, source, kind, name, null, "lacks apiVersion, kind or metadata.name"));
        }

        if (!KnownKinds.TryGet(apiVersion, kind, out var known))
        {
            return (null, new RenderError
            {
                Kind = RenderErrorKind.UnknownKind,
                Chart = chart,
                ObjectKind = kind,
                ObjectName = name,
                SourceTemplate = source,
                Message = $"chart {chart}: {kind} {name} ({apiVersion}) from {source} is not a kind the operator manages; known kinds: {string.Join(", ", KnownKinds.Names)}",
            });
        }

        if (known.Read(mapping, out var field, out var problem) is not { } typed)
        {
            var at = field is { Length: > 0 } && read.Documents[0].SourceMap.TryGetPosition(field, out var position) ? $" at {Line(document, position.Line)}" : "";
            return (null, Invalid(chart, source, kind, name, field, $"field {(field is { Length: > 0 } ? field : "(root)")} is invalid: {problem}{at}"));
        }

        return (new RenderedObject
        {
            Object = typed,
            ApiVersion = apiVersion,
            Kind = kind,
            Name = name,
            Namespace = typed.Metadata.NamespaceProperty,
            SourceTemplate = source,
            KindRank = known.Rank,
        }, null);
    }

    /// <summary>The rendered line itself, so the message shows the value helm produced.</summary>
    private static string Line(string document, int line)
    {
        var lines = document.Split('\n');
        return line >= 1 && line <= lines.Length ? $"line {line}: {lines[line - 1].Trim()}" : $"line {line}";
    }

    private static bool IsEmpty(JsonNode? root) => root switch
    {
        null => true,
        JsonValue value => value.GetValueKind() == JsonValueKind.Null || (value.TryGetValue<string>(out var text) && text.Length == 0),
        _ => false,
    };

    private static RenderError Invalid(string chart, string source, string? kind, string? name, string? field, string problem) => new()
    {
        Kind = RenderErrorKind.InvalidObject,
        Chart = chart,
        ObjectKind = kind,
        ObjectName = name,
        SourceTemplate = source,
        FieldPath = field,
        Message = $"chart {chart}: {(kind is null ? "an object" : $"{kind} {name}")} from {source} {problem}",
    };

    private static string? Scalar(JsonObject mapping, string key) =>
        mapping[key] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    // Helm output is the operator's own charts rendered, but it is still parsed with bounds: a chart
    // bug that loops a template must not take the process down.
    private static readonly YamlLimits Limits = YamlLimits.Default;

    [GeneratedRegex(@"^---[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex DocumentSeparator();

    [GeneratedRegex(@"^#\s*Source:\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex SourceComment();
}

/// <summary>The outcome of parsing helm output: a manifest or the first error.</summary>
public sealed record ParsedManifest(RenderedManifest? Manifest, RenderError? Error)
{
    public static ParsedManifest Parsed(RenderedManifest manifest) => new(manifest, null);

    public static ParsedManifest Failed(RenderError error) => new(null, error);
}
