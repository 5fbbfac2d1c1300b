using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SovereignOps.Api.Schema;

namespace SovereignOps.Api.Tests.Schema;

internal static class SchemaTestHelpers
{
    /// <summary>A schema from JSON, deserialized as the API server's client would (loosely typed members become JsonElements).</summary>
    public static V1JSONSchemaProps ParseSchema(string json) => KubernetesJson.Deserialize<V1JSONSchemaProps>(json);

    public static JsonNode? Json(string json) => JsonNode.Parse(json);

    public static IReadOnlyList<string> Errors(string schemaJson, string valueJson, string? oldJson = null, SchemaValidationOptions? options = null) =>
        SchemaValidator.Validate(ParseSchema(schemaJson), Json(valueJson), oldJson is null ? null : Json(oldJson), options)
            .Select(v => v.ToString())
            .ToList();
}
