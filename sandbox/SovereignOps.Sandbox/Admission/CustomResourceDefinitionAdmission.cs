using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SovereignOps.Api.Schema;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Admission;

/// <summary>
/// Checks a CustomResourceDefinition before it is stored: its name is plural.group, the names and scope are
/// set, exactly one served version is the storage version, and every schema is structural with CEL rules
/// that compile. A broken CRD is refused with 422 and the offending fields, never half-served.
/// </summary>
internal sealed class CustomResourceDefinitionAdmission : IAdmissionPlugin
{
    public ApiResult<JsonObject> Admit(AdmissionRequest request)
    {
        if (request.Type.Group != "apiextensions.k8s.io" || request.Subresource != Subresource.Main)
        {
            return request.Object;
        }

        var crd = request.Object;
        var causes = new List<StatusCause>();
        var spec = crd["spec"] as JsonObject;
        var group = spec?.GetString("group") ?? "";
        var names = spec?["names"] as JsonObject;
        var plural = names?.GetString("plural") ?? "";
        var name = crd.Metadata().GetString("name") ?? "";
        Require(causes, group.Length > 0, "spec.group", "Required value");
        Require(causes, plural.Length > 0, "spec.names.plural", "Required value");
        Require(causes, (names?.GetString("kind") ?? "").Length > 0, "spec.names.kind", "Required value");
        if (group.Length > 0 && plural.Length > 0 && name != $"{plural}.{group}")
        {
            causes.Add(Invalid("metadata.name", $"Invalid value: \"{name}\": must be spec.names.plural+\".\"+spec.group"));
        }

        var scope = spec?.GetString("scope");
        if (scope is not ("Namespaced" or "Cluster"))
        {
            causes.Add(new StatusCause("FieldValueNotSupported", $"Unsupported value: \"{scope}\": supported values: \"Cluster\", \"Namespaced\"", "spec.scope"));
        }

        if (request.OldObject?["spec"] is JsonObject oldSpec && oldSpec.GetString("scope") is { } oldScope && oldScope != scope)
        {
            causes.Add(Invalid("spec.scope", "Invalid value: field is immutable"));
        }

        CheckVersions(spec?["versions"] as JsonArray, causes);
        return causes.Count == 0 ? request.Object : ApiError.Invalid(request.Type, name, causes);
    }

    private static void CheckVersions(JsonArray? versions, List<StatusCause> causes)
    {
        if (versions is null || versions.Count == 0)
        {
            causes.Add(new StatusCause("FieldValueRequired", "Required value: must have exactly one version marked as storage version", "spec.versions"));
            return;
        }

        var storage = versions.OfType<JsonObject>().Count(v => v["storage"] is JsonValue s && s.TryGetValue<bool>(out var isStorage) && isStorage);
        if (storage != 1)
        {
            causes.Add(Invalid("spec.versions", $"Invalid value: {storage}: must have exactly one version marked as storage version"));
        }

        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i] is not JsonObject version)
            {
                continue;
            }

            var path = $"spec.versions[{i}]";
            Require(causes, (version.GetString("name") ?? "").Length > 0, path + ".name", "Required value");
            if ((version["schema"] as JsonObject)?["openAPIV3Schema"] is not JsonObject schema)
            {
                continue;
            }

            V1JSONSchemaProps props;
            try
            {
                props = KubernetesJson.Deserialize<V1JSONSchemaProps>(schema.ToJsonString());
            }
            catch (System.Text.Json.JsonException e)
            {
                causes.Add(Invalid(path + ".schema.openAPIV3Schema", $"Invalid value: {e.Message}"));
                continue;
            }

            var compiled = StructuralSchema.Compile(props);
            causes.AddRange(compiled.Problems.Select(p => Invalid(path + ".schema.openAPIV3Schema", p)));
            causes.AddRange(CelRuleChecker.Check(compiled).Select(p => Invalid(path + ".schema.openAPIV3Schema", p.ToString())));
        }
    }

    private static void Require(List<StatusCause> causes, bool present, string field, string message)
    {
        if (!present)
        {
            causes.Add(new StatusCause("FieldValueRequired", message, field));
        }
    }

    private static StatusCause Invalid(string field, string message) => new("FieldValueInvalid", message, field);
}
