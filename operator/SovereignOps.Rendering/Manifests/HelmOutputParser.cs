using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

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
        YamlNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(document));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            return (null, Invalid(chart, source, null, null, null, $"is not valid YAML at line {e.Start.Line}: {e.Message}"));
        }

        if (root is null || root is YamlScalarNode { Value: null or "" })
        {
            return (null, null); // a template that rendered nothing
        }

        if (root is not YamlMappingNode mapping)
        {
            return (null, Invalid(chart, source, null, null, null, "is not a Kubernetes object (its document is not a mapping)"));
        }

        var apiVersion = Scalar(mapping, "apiVersion");
        var kind = Scalar(mapping, "kind");
        var metadata = mapping.Children.TryGetValue(new YamlScalarNode("metadata"), out var node) ? node as YamlMappingNode : null;
        var name = metadata is null ? null : Scalar(metadata, "name");
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

        IKubernetesObject<V1ObjectMeta> typed;
        try
        {
            typed = known.Load(document);
        }
        catch (YamlException e)
        {
            var field = YamlFieldLocator.PathAt(mapping, e.Start);
            var reason = e.InnerException is { } inner && e.Message.StartsWith("Exception during deserialization", StringComparison.Ordinal)
                ? inner.Message
                : e.Message;
            return (null, Invalid(chart, source, kind, name, field, $"field {field ?? "(unknown)"} is invalid: {reason}"));
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

    private static string? Scalar(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;

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
