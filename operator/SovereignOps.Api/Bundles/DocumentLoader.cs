using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using SovereignOps.Api.Schema;
using SovereignOps.Api.Validation;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Bundles;

/// <summary>
/// Turns one YAML document into one typed object, or into the errors that prevent it: the kind must be
/// supported under its apiVersion; a custom resource must have no field its CRD schema does not declare
/// and must pass that schema (types, required fields, enums, patterns, bounds, CEL rules) before its
/// defaults are applied; every kind is then read strictly into its C# type.
/// </summary>
/// <remarks>
/// Unknown fields are errors here although the API server would prune them: a typo in a bundle
/// (<c>replicaz</c>) must fail loudly rather than silently fall back to a default.
/// </remarks>
internal static partial class DocumentLoader
{
    public static IKubernetesObject<V1ObjectMeta>? Load(YamlDocument document, string file, List<ValidationError> errors)
    {
        var before = errors.Count;
        void Fail(string path, string message)
        {
            var position = document.SourceMap.Locate(path);
            errors.Add(new ValidationError(file, position.Line, position.Column, path, message));
        }

        if (document.Root is not JsonObject root)
        {
            Fail(FieldPath.Root, "a document must be a mapping with apiVersion, kind and metadata");
            return null;
        }

        if (Identify(root, Fail) is not { } kind)
        {
            return null;
        }

        CheckMetadata(root, kind, Fail);
        if (kind.Schema is { } schema)
        {
            CheckAgainstSchema(root, schema, Fail);
        }

        if (errors.Count > before)
        {
            return null;
        }

        var resource = StrictJson.Deserialize(root, kind.ClrType, out var errorPath, out var error);
        if (error is not null)
        {
            Fail(errorPath ?? FieldPath.Root, error);
            return null;
        }

        return (IKubernetesObject<V1ObjectMeta>)resource!;
    }

    private static SupportedKind? Identify(JsonObject root, Action<string, string> fail)
    {
        var apiVersion = StringField(root, "apiVersion");
        var kindName = StringField(root, "kind");
        if (string.IsNullOrEmpty(kindName))
        {
            fail("kind", $"kind is required; expected one of: {SupportedKind.Describe()}");
            return null;
        }

        if (SupportedKind.Find(kindName) is not { } kind)
        {
            fail("kind", $"unknown kind \"{kindName}\"; a bundle holds {SupportedKind.Describe()}");
            return null;
        }

        if (apiVersion != kind.ApiVersion)
        {
            fail("apiVersion", string.IsNullOrEmpty(apiVersion)
                ? $"apiVersion is required; expected \"{kind.ApiVersion}\" for kind {kind.Kind}"
                : $"apiVersion \"{apiVersion}\" is not served for kind {kind.Kind}; expected \"{kind.ApiVersion}\"");
            return null;
        }

        return kind;
    }

    private static void CheckMetadata(JsonObject root, SupportedKind kind, Action<string, string> fail)
    {
        if (root["metadata"] is not JsonObject metadata)
        {
            fail("metadata", "metadata with a name is required");
            return;
        }

        var name = StringField(metadata, "name");
        if (string.IsNullOrEmpty(name))
        {
            fail("metadata.name", $"metadata.name is required for a {kind.Kind}");
        }
        else if (name.Length > kind.MaxNameLength || !(kind.MaxNameLength > 63 ? DnsSubdomain() : DnsLabel()).IsMatch(name))
        {
            fail("metadata.name", kind.MaxNameLength > 63
                ? $"\"{name}\" is not a valid name; expected a DNS subdomain of at most {kind.MaxNameLength} characters (lower-case letters, digits, '-' and '.')"
                : $"\"{name}\" is not a valid name; expected a DNS label of at most {kind.MaxNameLength} characters (lower-case letters, digits and '-')");
        }

        if (!kind.Namespaced && metadata.ContainsKey("namespace"))
        {
            fail("metadata.namespace", $"{kind.Kind} is cluster-scoped; remove metadata.namespace");
        }
    }

    private static void CheckAgainstSchema(JsonObject root, V1JSONSchemaProps schema, Action<string, string> fail)
    {
        foreach (var path in Pruner.Prune(schema, root))
        {
            fail(path, $"unknown field \"{LastSegment(path)}\"; check the spelling against the kind's schema");
        }

        Defaulter.Apply(schema, root);
        var violations = SchemaValidator.Validate(schema, root);
        foreach (var violation in violations.Where(v => !IsRulesSkippedNote(v, violations)))
        {
            fail(violation.Path, violation.Message);
        }
    }

    /// <summary>
    /// Like the API server, the validator adds a root-level note that CEL rules were skipped when a type or
    /// enum error made them meaningless. In a bundle every error is already located and reported, so the
    /// unlocated note would only be noise; the rules run again once those errors are fixed.
    /// </summary>
    private static bool IsRulesSkippedNote(SchemaViolation violation, IReadOnlyList<SchemaViolation> all) =>
        violation.Path.Length == 0
        && violation.Type == SchemaViolationType.Invalid
        && all.Any(v => v.Type is SchemaViolationType.TypeInvalid or SchemaViolationType.NotSupported);

    private static string? StringField(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string LastSegment(string path)
    {
        var parent = FieldPath.Parent(path) ?? string.Empty;
        return path[parent.Length..].TrimStart('.').Trim('[', ']', '"');
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();
}
