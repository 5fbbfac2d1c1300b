using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SovereignOps.Api.Schema;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Admission;

/// <summary>
/// Custom resources against their CRD's schema, in the API server's order: unknown fields pruned (refused
/// under fieldValidation=Strict, warned about under Warn), defaults applied, then the structural schema
/// and its x-kubernetes-validations CEL rules checked, every violation becoming a 422 cause.
/// </summary>
internal sealed class CustomResourceAdmission : IAdmissionPlugin
{
    private static readonly ConditionalWeakTable<CustomResourceInfo, StructuralSchema> Schemas = new();

    public ApiResult<JsonObject> Admit(AdmissionRequest request)
    {
        if (request.Type.Custom is not { Schema: { } rawSchema } custom)
        {
            return request.Object;
        }

        var schema = Schemas.GetValue(custom, _ => StructuralSchema.Compile(KubernetesJson.Deserialize<V1JSONSchemaProps>(rawSchema.ToJsonString())));
        var obj = request.Object;
        var pruned = Pruner.Prune(schema, obj);
        var warnings = ImmutableArray<string>.Empty;
        if (pruned.Count > 0)
        {
            var unknown = pruned.Select(p => $"unknown field \"{p}\"").ToList();
            switch (request.FieldValidation)
            {
                case FieldValidation.Strict:
                    return ApiError.BadRequest("strict decoding error: " + string.Join(", ", unknown));
                case FieldValidation.Warn:
                    warnings = [.. unknown];
                    break;
                default:
                    break;
            }
        }

        Defaulter.Apply(schema, obj);
        var violations = SchemaValidator.Validate(schema, obj, request.OldObject);
        if (violations.Count > 0)
        {
            var causes = violations.Select(v => new StatusCause(CauseReason(v.Type), v.Message, v.Path)).ToList();
            return ApiError.Invalid(request.Type, obj.Metadata().GetString("name") ?? "", causes);
        }

        return ApiResult.Ok(obj, warnings);
    }

    private static string CauseReason(SchemaViolationType type) => type switch
    {
        SchemaViolationType.NotFound => "FieldValueNotFound",
        SchemaViolationType.Required => "FieldValueRequired",
        SchemaViolationType.Duplicate => "FieldValueDuplicate",
        SchemaViolationType.NotSupported => "FieldValueNotSupported",
        SchemaViolationType.Forbidden => "FieldValueForbidden",
        SchemaViolationType.TooLong => "FieldValueTooLong",
        SchemaViolationType.TooMany => "FieldValueTooMany",
        SchemaViolationType.Internal => "InternalError",
        SchemaViolationType.TypeInvalid => "FieldValueTypeInvalid",
        _ => "FieldValueInvalid",
    };
}
