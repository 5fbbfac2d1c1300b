using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SovereignOps.Api.Schema;

/// <summary>
/// One node of a schema, compiled once from <c>V1JSONSchemaProps</c> into the shape validation needs:
/// loosely typed fields (enum, default, additionalProperties, items) normalised, patterns and rules
/// compiled, lookup sets built.
/// </summary>
internal sealed class SchemaNode
{
    public string? Type { get; init; }

    public bool Nullable { get; init; }

    public bool IntOrString { get; init; }

    public bool PreserveUnknownFields { get; init; }

    public bool EmbeddedResource { get; init; }

    public Dictionary<string, SchemaNode>? Properties { get; set; }

    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary>The schema of values under keys not in <see cref="Properties"/>, when one is given.</summary>
    public SchemaNode? AdditionalProperties { get; set; }

    /// <summary><c>additionalProperties: false</c>: keys outside <see cref="Properties"/> are errors.</summary>
    public bool AdditionalPropertiesForbidden { get; init; }

    /// <summary><c>additionalProperties: true</c>: any key, any value, kept by pruning.</summary>
    public bool AdditionalPropertiesAllowAny { get; init; }

    public SchemaNode? Items { get; set; }

    public IReadOnlyList<JsonNode?>? Enum { get; init; }

    public HashSet<string>? EnumKeys { get; init; }

    /// <summary>The enum's values when every one of them is a string, for a direct lookup.</summary>
    public HashSet<string>? EnumStrings { get; init; }

    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    public bool ExclusiveMinimum { get; init; }

    public bool ExclusiveMaximum { get; init; }

    public double? MultipleOf { get; init; }

    public long? MinLength { get; init; }

    public long? MaxLength { get; init; }

    public long? MinItems { get; init; }

    public long? MaxItems { get; init; }

    public long? MinProperties { get; init; }

    public long? MaxProperties { get; init; }

    public bool UniqueItems { get; init; }

    public string? Pattern { get; init; }

    public Regex? PatternRegex { get; init; }

    /// <summary>Why <see cref="Pattern"/> could not be compiled, if it could not.</summary>
    public string? PatternError { get; init; }

    public string? Format { get; init; }

    public string? ListType { get; init; }

    public IReadOnlyList<string> ListMapKeys { get; init; } = [];

    public IReadOnlyList<SchemaNode> AllOf { get; set; } = [];

    public IReadOnlyList<SchemaNode> AnyOf { get; set; } = [];

    public IReadOnlyList<SchemaNode> OneOf { get; set; } = [];

    public SchemaNode? Not { get; set; }

    public IReadOnlyList<CelRule> Rules { get; init; } = [];

    public JsonNode? Default { get; init; }

    public bool HasDefault { get; init; }

    /// <summary>Whether this node or any node below it has CEL rules (lets the rule pass skip whole subtrees).</summary>
    public bool HasRulesBelow { get; set; }

    /// <summary>Whether this node or any node below it has a default.</summary>
    public bool HasDefaultsBelow { get; set; }

    public SchemaNode? PropertyOrAdditional(string name) =>
        Properties is not null && Properties.TryGetValue(name, out var property) ? property : AdditionalProperties;
}
