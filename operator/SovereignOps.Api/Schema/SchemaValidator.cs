using System.Text.Json.Nodes;
using k8s.Models;

namespace SovereignOps.Api.Schema;

/// <summary>
/// Validates a value against a structural schema (a CRD's <c>openAPIV3Schema</c>) the way the
/// Kubernetes API server validates custom resources: OpenAPI keywords, Kubernetes extensions
/// (int-or-string, embedded resources, list types) and <c>x-kubernetes-validations</c> CEL rules.
/// Every violation is reported, in document order, not just the first.
/// </summary>
public static class SchemaValidator
{
    /// <summary>Validates <paramref name="value"/>; pass <paramref name="oldValue"/> on update to run transition rules and ratcheting.</summary>
    public static IReadOnlyList<SchemaViolation> Validate(
        V1JSONSchemaProps schema,
        JsonNode? value,
        JsonNode? oldValue = null,
        SchemaValidationOptions? options = null) =>
        Validate(StructuralSchema.For(schema), value, oldValue, options);

    public static IReadOnlyList<SchemaViolation> Validate(
        StructuralSchema schema,
        JsonNode? value,
        JsonNode? oldValue = null,
        SchemaValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new ValidationRun(options ?? SchemaValidationOptions.Default).Run(schema.Root, value, oldValue, oldValue is not null);
    }
}
