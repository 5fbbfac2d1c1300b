using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Api.Validation;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Bundles;

/// <summary>
/// Reads files and folders into a typed <see cref="Bundle"/>: each file through the safe YAML reader
/// (size, encoding, depth and alias limits), each document through <see cref="DocumentLoader"/> (kind,
/// schema, defaults, strict typing), recording where every object came from. Every error of every file is
/// returned, and the bundle only when there are none. Semantic checks across objects are
/// <see cref="BundleValidator"/>'s job.
/// </summary>
public static class BundleLoader
{
    public static BundleLoadResult Load(IEnumerable<string> paths, YamlLimits? limits = null)
    {
        var errors = new List<ValidationError>();
        var files = BundleFiles.Expand(paths, errors);
        var reader = new Reader(limits ?? YamlLimits.Default, errors);
        foreach (var file in files)
        {
            reader.ReadFile(file);
        }

        return reader.Finish(files.Count);
    }

    /// <summary>Loads one stream of YAML documents already in memory, reported under <paramref name="sourceName"/>.</summary>
    public static BundleLoadResult LoadText(string text, string sourceName, YamlLimits? limits = null)
    {
        var reader = new Reader(limits ?? YamlLimits.Default, []);
        reader.Read(YamlDocumentReader.Read(text, sourceName, limits), sourceName);
        return reader.Finish(files: 1);
    }

    /// <summary>Loads raw bytes (which must be UTF-8) as one stream of YAML documents.</summary>
    public static BundleLoadResult LoadBytes(byte[] utf8, string sourceName, YamlLimits? limits = null)
    {
        var reader = new Reader(limits ?? YamlLimits.Default, []);
        reader.Read(YamlDocumentReader.Read(utf8, sourceName, limits), sourceName);
        return reader.Finish(files: 1);
    }

    private sealed class Reader(YamlLimits limits, List<ValidationError> errors)
    {
        private readonly Bundle _bundle = new();
        private readonly SortedDictionary<string, int> _documentsByKind = new(StringComparer.Ordinal);

        public void ReadFile(string file)
        {
            try
            {
                var length = new FileInfo(file).Length;
                if (length > limits.MaxInputBytes)
                {
                    // Refused before reading: a huge file must not be pulled into memory first.
                    errors.Add(new ValidationError(file, 1, 1, string.Empty, $"input is {length} bytes, larger than the limit of {limits.MaxInputBytes} bytes"));
                    return;
                }

                Read(YamlDocumentReader.Read(File.ReadAllBytes(file), file, limits), file);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                errors.Add(new ValidationError(file, 0, null, string.Empty, $"cannot read the file: {exception.Message}"));
            }
        }

        public void Read(YamlReadResult result, string file)
        {
            foreach (var error in result.Errors)
            {
                errors.Add(new ValidationError(file, error.Line, error.Column, string.Empty, error.Message));
            }

            foreach (var document in result.Documents)
            {
                if (document.Root is JsonObject root
                    && root["kind"] is JsonValue kindValue
                    && kindValue.TryGetValue<string>(out var kindName)
                    && SupportedKind.Find(kindName) is { } kind)
                {
                    _documentsByKind[kind.Kind] = _documentsByKind.GetValueOrDefault(kind.Kind) + 1;
                }

                if (DocumentLoader.Load(document, file, errors) is { } resource)
                {
                    Add(resource, new SourceLocation(file, document.SourceMap.DocumentStart.Line) { Fields = document.SourceMap });
                }
            }
        }

        public BundleLoadResult Finish(int files) =>
            new(errors.Count == 0 ? _bundle : null, errors.Order(ValidationError.SourceOrder).ToList(), _documentsByKind, files);

        private void Add(IKubernetesObject<V1ObjectMeta> resource, SourceLocation source)
        {
            switch (resource)
            {
                case DataResidencyPolicy policy:
                    _bundle.Policies.Add(policy);
                    break;
                case SovereignProfile profile:
                    _bundle.Profiles.Add(profile);
                    break;
                case GpuPool pool:
                    _bundle.Pools.Add(pool);
                    break;
                case ModelDeployment model:
                    _bundle.Models.Add(model);
                    break;
                case AgentCatalog catalog:
                    _bundle.Catalogs.Add(catalog);
                    break;
                case V1Namespace namespaceObject:
                    _bundle.Namespaces.Add(namespaceObject);
                    break;
                case V1Node node:
                    _bundle.Nodes.Add(node);
                    break;
                default:
                    throw new InvalidOperationException($"{resource.GetType().Name} is a supported kind without a place in the bundle.");
            }

            _bundle.Sources[resource] = source;
        }
    }
}
