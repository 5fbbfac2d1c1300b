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
        var bounds = limits ?? YamlLimits.Default;

        // Files are independent until they meet in the bundle: each is read and checked on its own
        // (in parallel), then merged in file order, so the result does not depend on scheduling.
        var checkedFiles = new CheckedFile[files.Count];
        Parallel.For(0, files.Count, i => checkedFiles[i] = CheckedFile.Read(files[i], bounds));
        var reader = new Reader(errors);
        foreach (var file in checkedFiles)
        {
            reader.Merge(file);
        }

        return reader.Finish(files.Count);
    }

    /// <summary>Loads one stream of YAML documents already in memory, reported under <paramref name="sourceName"/>.</summary>
    public static BundleLoadResult LoadText(string text, string sourceName, YamlLimits? limits = null)
    {
        var reader = new Reader([]);
        reader.Merge(CheckedFile.Check(YamlDocumentReader.Read(text, sourceName, limits), sourceName));
        return reader.Finish(files: 1);
    }

    /// <summary>Loads raw bytes (which must be UTF-8) as one stream of YAML documents.</summary>
    public static BundleLoadResult LoadBytes(byte[] utf8, string sourceName, YamlLimits? limits = null)
    {
        var reader = new Reader([]);
        reader.Merge(CheckedFile.Check(YamlDocumentReader.Read(utf8, sourceName, limits), sourceName));
        return reader.Finish(files: 1);
    }

    /// <summary>One file read and each of its documents checked: the objects, where they came from, and the errors.</summary>
    private sealed class CheckedFile
    {
        public List<ValidationError> Errors { get; } = [];

        public List<(string? Kind, IKubernetesObject<V1ObjectMeta>? Resource, SourceLocation Source)> Documents { get; } = [];

        public static CheckedFile Read(string file, YamlLimits limits)
        {
            try
            {
                var length = new FileInfo(file).Length;
                if (length > limits.MaxInputBytes)
                {
                    // Refused before reading: a huge file must not be pulled into memory first.
                    var refused = new CheckedFile();
                    refused.Errors.Add(new ValidationError(file, 1, 1, string.Empty, $"input is {length} bytes, larger than the limit of {limits.MaxInputBytes} bytes"));
                    return refused;
                }

                return Check(YamlDocumentReader.Read(File.ReadAllBytes(file), file, limits), file);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                var unreadable = new CheckedFile();
                unreadable.Errors.Add(new ValidationError(file, 0, null, string.Empty, $"cannot read the file: {exception.Message}"));
                return unreadable;
            }
        }

        public static CheckedFile Check(YamlReadResult result, string file)
        {
            var checkedFile = new CheckedFile();
            foreach (var error in result.Errors)
            {
                checkedFile.Errors.Add(new ValidationError(file, error.Line, error.Column, string.Empty, error.Message));
            }

            foreach (var document in result.Documents)
            {
                var kind = document.Root is JsonObject root
                    && root["kind"] is JsonValue kindValue
                    && kindValue.TryGetValue<string>(out var kindName)
                    && SupportedKind.Find(kindName) is { } supported
                        ? supported.Kind
                        : null;
                var resource = DocumentLoader.Load(document, file, checkedFile.Errors);
                checkedFile.Documents.Add((kind, resource, new SourceLocation(file, document.SourceMap.DocumentStart.Line) { Fields = document.SourceMap }));
            }

            return checkedFile;
        }
    }

    private sealed class Reader(List<ValidationError> errors)
    {
        private readonly Bundle _bundle = new();
        private readonly SortedDictionary<string, int> _documentsByKind = new(StringComparer.Ordinal);

        public void Merge(CheckedFile file)
        {
            errors.AddRange(file.Errors);
            foreach (var (kind, resource, source) in file.Documents)
            {
                if (kind is not null)
                {
                    _documentsByKind[kind] = _documentsByKind.GetValueOrDefault(kind) + 1;
                }

                if (resource is not null)
                {
                    Add(resource, source);
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
