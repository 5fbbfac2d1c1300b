using System.Text.Json.Nodes;
using SovereignOps.Api.Bundles;
using SovereignOps.Api.Validation;
using SovereignOps.Api.Yaml;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Cli.Commands;

/// <summary>One object to apply: the document as written (not the defaulted typed object), its kind and where it came from.</summary>
public sealed record ApplyDocument(ResourceType Type, string? Namespace, string Name, JsonObject Body, string Source)
{
    /// <summary><c>Kind namespace/name</c> or <c>Kind name</c>.</summary>
    public string Display => Namespace is null ? $"{Type.Kind} {Name}" : $"{Type.Kind} {Namespace}/{Name}";
}

/// <summary>
/// The documents of a validated bundle that sovereignctl writes to a cluster, in apply order. The
/// body is the document as the user wrote it, so sovereignctl owns exactly the fields they set and
/// the API server applies the CRD defaults. Nodes are left out: a bundle's nodes describe the
/// simulated cluster and the capacity plan; a real cluster's nodes are the kubelets' to register.
/// </summary>
public static class ApplyDocuments
{
    public static (IReadOnlyList<ApplyDocument> Documents, int SkippedNodes) Read(IReadOnlyList<string> paths)
    {
        var documents = new List<ApplyDocument>();
        var skippedNodes = 0;
        foreach (var file in BundleFiles.Expand(paths, new List<ValidationError>()))
        {
            foreach (var document in YamlDocumentReader.Read(File.ReadAllBytes(file), file).Documents)
            {
                if (document.Root is not JsonObject root)
                {
                    continue;
                }

                var apiVersion = root["apiVersion"]?.GetValue<string>() ?? string.Empty;
                var kind = root["kind"]?.GetValue<string>() ?? string.Empty;
                if (KubeKinds.Find(apiVersion, kind) is not { } type)
                {
                    skippedNodes += kind == "Node" ? 1 : 0;
                    continue;
                }

                var metadata = root["metadata"]?.AsObject();
                var name = metadata?["name"]?.GetValue<string>() ?? string.Empty;
                var ns = type.Namespaced ? metadata?["namespace"]?.GetValue<string>() ?? "default" : null;
                documents.Add(new ApplyDocument(type, ns, name, root, $"{file}:{document.StartLine}"));
            }
        }

        var ordered = documents
            .Select((document, index) => (document, index))
            .OrderBy(d => KubeKinds.Rank(d.document.Type))
            .ThenBy(d => d.index)
            .Select(d => d.document)
            .ToList();
        return (ordered, skippedNodes);
    }
}
