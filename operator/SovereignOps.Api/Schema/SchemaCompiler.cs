using k8s.Models;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Schema;

/// <summary>Compiles <see cref="V1JSONSchemaProps"/> into <see cref="SchemaNode"/>s, noting what a structural schema may not contain.</summary>
internal sealed class SchemaCompiler
{
    private const int MaxSchemaDepth = 128;
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    public SchemaNode Compile(V1JSONSchemaProps schema) => Compile(schema, FieldPath.Root, 0, allowRules: true);

    private SchemaNode Compile(V1JSONSchemaProps schema, string path, int depth, bool allowRules)
    {
        if (depth > MaxSchemaDepth)
        {
            _problems.Add($"{Describe(path)}: the schema nests deeper than {MaxSchemaDepth} levels (is it cyclic?)");
            return new SchemaNode { PreserveUnknownFields = true };
        }

        var (regex, patternError) = schema.Pattern is { } pattern ? PatternCache.Get(pattern) : (null, null);
        if (patternError is not null)
        {
            _problems.Add($"{Describe(path)}: pattern {schema.Pattern} is not a supported regular expression: {patternError}");
        }

        var enumValues = schema.EnumProperty?.Select(SchemaValues.ToJsonNode).ToList();
        var additional = SchemaValues.ToSchemaOrFlag(schema.AdditionalProperties);
        var rules = allowRules
            ? (schema.XKubernetesValidations ?? []).Select(rule => CelRule.Create(rule)).ToList()
            : [];
        if (!allowRules && schema.XKubernetesValidations is { Count: > 0 })
        {
            _problems.Add($"{Describe(path)}: x-kubernetes-validations may not be used inside allOf, anyOf, oneOf or not");
        }

        var node = new SchemaNode
        {
            Type = string.IsNullOrEmpty(schema.Type) ? null : schema.Type,
            Nullable = schema.Nullable == true,
            IntOrString = schema.XKubernetesIntOrString == true,
            PreserveUnknownFields = schema.XKubernetesPreserveUnknownFields == true,
            EmbeddedResource = schema.XKubernetesEmbeddedResource == true,
            Required = schema.Required?.ToArray() ?? [],
            AdditionalPropertiesForbidden = additional.Flag == false,
            AdditionalPropertiesAllowAny = additional.Flag == true,
            Enum = enumValues,
            EnumKeys = enumValues?.Select(JsonCanonical.Of).ToHashSet(StringComparer.Ordinal),
            EnumStrings = enumValues is not null && enumValues.All(v => JsonKinds.IsString(v, out _))
                ? enumValues.Select(v => v!.GetValue<string>()).ToHashSet(StringComparer.Ordinal)
                : null,
            Minimum = schema.Minimum,
            Maximum = schema.Maximum,
            ExclusiveMinimum = schema.ExclusiveMinimum == true,
            ExclusiveMaximum = schema.ExclusiveMaximum == true,
            MultipleOf = schema.MultipleOf,
            MinLength = schema.MinLength,
            MaxLength = schema.MaxLength,
            MinItems = schema.MinItems,
            MaxItems = schema.MaxItems,
            MinProperties = schema.MinProperties,
            MaxProperties = schema.MaxProperties,
            UniqueItems = schema.UniqueItems == true,
            Pattern = schema.Pattern,
            PatternRegex = regex,
            PatternError = patternError,
            Format = string.IsNullOrEmpty(schema.Format) ? null : schema.Format,
            ListType = schema.XKubernetesListType,
            ListMapKeys = schema.XKubernetesListMapKeys?.ToArray() ?? [],
            Rules = rules,
            Default = SchemaValues.ToJsonNode(schema.DefaultProperty),
            HasDefault = schema.DefaultProperty is not null,
        };

        if (schema.Properties is { Count: > 0 } properties)
        {
            node.Properties = new Dictionary<string, SchemaNode>(properties.Count, StringComparer.Ordinal);
            foreach (var (name, property) in properties)
            {
                node.Properties[name] = Compile(property, FieldPath.Child(path, name), depth + 1, allowRules);
            }
        }

        if (additional.Schema is not null)
        {
            node.AdditionalProperties = Compile(additional.Schema, path + "[*]", depth + 1, allowRules);
        }

        var items = SchemaValues.ToSchemaOrFlag(schema.Items);
        if (items.IsList)
        {
            _problems.Add($"{Describe(path)}: items must be a single schema in a structural schema, not a list");
        }
        else if (items.Schema is not null)
        {
            node.Items = Compile(items.Schema, path + "[*]", depth + 1, allowRules);
        }

        node.AllOf = CompileAll(schema.AllOf, path, depth);
        node.AnyOf = CompileAll(schema.AnyOf, path, depth);
        node.OneOf = CompileAll(schema.OneOf, path, depth);
        node.Not = schema.Not is null ? null : Compile(schema.Not, path, depth + 1, allowRules: false);

        var children = Children(node).ToList();
        node.HasRulesBelow = node.Rules.Count > 0 || children.Any(child => child.HasRulesBelow);
        node.HasDefaultsBelow = node.HasDefault || children.Any(child => child.HasDefaultsBelow);
        return node;
    }

    private List<SchemaNode> CompileAll(IList<V1JSONSchemaProps>? schemas, string path, int depth) =>
        schemas?.Select(schema => Compile(schema, path, depth + 1, allowRules: false)).ToList() ?? [];

    private static IEnumerable<SchemaNode> Children(SchemaNode node)
    {
        if (node.Properties is not null)
        {
            foreach (var property in node.Properties.Values)
            {
                yield return property;
            }
        }

        if (node.AdditionalProperties is not null)
        {
            yield return node.AdditionalProperties;
        }

        if (node.Items is not null)
        {
            yield return node.Items;
        }
    }

    private static string Describe(string path) => path.Length == 0 ? "<root>" : path;
}
