using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Api;

/// <summary>The generic rules every create and update passes before admission plugins and storage.</summary>
public sealed partial class ResourceApi
{
    private static readonly string[] ServerOwnedMetadata =
        ["uid", "creationTimestamp", "resourceVersion", "generation", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"];

    private ApiResult<JsonObject> PrepareCreate(ResourceType type, string ns, JsonObject body, WriteOptions options)
    {
        var typeError = CheckTypeMeta(type, body, required: false);
        if (typeError is not null)
        {
            return typeError;
        }

        body["apiVersion"] = type.ApiVersion;
        body["kind"] = type.Kind;
        MoveTypeMetaFirst(body);
        var metadata = body.Metadata();
        var name = metadata.GetString("name");
        if (string.IsNullOrEmpty(name) && metadata.GetString("generateName") is { Length: > 0 } prefix)
        {
            name = ObjectNames.Generate(prefix);
            metadata["name"] = name;
        }

        if (string.IsNullOrEmpty(name))
        {
            return ApiError.Invalid(type, "", [new StatusCause("FieldValueRequired", "Required value: name or generateName is required", "metadata.name")]);
        }

        if (ObjectNames.Validate(name, type) is { } nameProblem)
        {
            return ApiError.Invalid(type, name, [new StatusCause("FieldValueInvalid", $"Invalid value: \"{name}\": {nameProblem}", "metadata.name")]);
        }

        if (type.Namespaced)
        {
            var bodyNamespace = metadata.GetString("namespace");
            if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != ns)
            {
                return ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            metadata["namespace"] = ns;
            var namespaceError = CheckNamespaceAcceptsContent(type, ns, name);
            if (namespaceError is not null)
            {
                return namespaceError;
            }
        }
        else
        {
            metadata.Remove("namespace");
        }

        foreach (var field in ServerOwnedMetadata)
        {
            metadata.Remove(field);
        }

        metadata.Remove("managedFields");
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = SandboxJson.Timestamp(Now);
        if (type.TracksGeneration)
        {
            metadata["generation"] = 1;
        }

        if (type.ResetsStatusOnCreate)
        {
            body.Remove("status");
        }

        InitialState.Apply(type, body);
        return RunAdmission(new AdmissionRequest(type, AdmissionOperation.Create, Subresource.Main, body, null, options.FieldValidation));
    }

    private ApiResult<JsonObject> PrepareUpdate(ResourceType type, JsonObject old, JsonObject next, WriteOptions options, Subresource subresource, bool applied)
    {
        next["apiVersion"] = type.ApiVersion;
        next["kind"] = type.Kind;
        MoveTypeMetaFirst(next);
        var oldMetadata = old.Metadata();
        if (subresource == Subresource.Status)
        {
            // /status takes the status and nothing else.
            var status = next["status"]?.DeepClone();
            var managed = next.Metadata()["managedFields"]?.DeepClone();
            next = (JsonObject)old.DeepClone();
            SetOrRemove(next, "status", status);
            SetOrRemove(next.Metadata(), "managedFields", managed);
        }
        else if (type.HasStatus)
        {
            SetOrRemove(next, "status", old["status"]?.DeepClone());
        }

        var metadata = next.Metadata();
        foreach (var field in ServerOwnedMetadata)
        {
            SetOrRemove(metadata, field, oldMetadata[field]?.DeepClone());
        }

        metadata["name"] = oldMetadata["name"]?.DeepClone();
        SetOrRemove(metadata, "namespace", oldMetadata["namespace"]?.DeepClone());
        SetOrRemove(metadata, "generateName", oldMetadata["generateName"]?.DeepClone());

        if (oldMetadata["deletionTimestamp"] is not null)
        {
            var before = oldMetadata.StringList("finalizers");
            var added = metadata.StringList("finalizers").Except(before).ToList();
            if (added.Count > 0)
            {
                return ApiError.Invalid(type, metadata.GetString("name") ?? "", [new StatusCause(
                    "FieldValueForbidden",
                    $"Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{{{string.Join(", ", added.Select(a => $"\"{a}\""))}}}",
                    "metadata.finalizers")]);
            }
        }

        if (type.TracksGeneration && !JsonNode.DeepEquals(old.Without("metadata", "status"), next.Without("metadata", "status")))
        {
            metadata["generation"] = (oldMetadata.GetLong("generation") ?? 0) + 1;
        }

        var admitted = RunAdmission(new AdmissionRequest(type, AdmissionOperation.Update, subresource, next, old, options.FieldValidation));
        if (!admitted.Succeeded)
        {
            return admitted;
        }

        if (!applied)
        {
            Fields.RecordUpdate(type, old, admitted.Value, options.EffectiveManager, subresource);
        }

        return admitted;
    }

    private ApiError? CheckNamespaceAcceptsContent(ResourceType type, string ns, string name)
    {
        if (string.IsNullOrEmpty(ns))
        {
            return ApiError.BadRequest("the server could not find the requested resource: a namespace is required for namespaced resources");
        }

        var found = Store.Get(NamespaceResource, "", ns);
        if (found is null)
        {
            return ApiError.NotFound(NamespaceResource, ns);
        }

        return found.IsDeleting
            ? ApiError.Forbidden(type.GroupResource, name, $"unable to create new content in namespace {ns} because it is being terminated")
            : null;
    }

    internal static readonly GroupResource NamespaceResource = new("", "namespaces");

    private static void SetOrRemove(JsonObject obj, string property, JsonNode? value)
    {
        if (value is null)
        {
            obj.Remove(property);
        }
        else
        {
            obj[property] = value;
        }
    }

    /// <summary>Keeps apiVersion and kind first, as every Kubernetes client writes them.</summary>
    private static void MoveTypeMetaFirst(JsonObject obj)
    {
        if (obj.Count > 1 && obj.GetAt(0).Key == "apiVersion" && obj.GetAt(1).Key == "kind")
        {
            return;
        }

        var rest = obj.Where(p => p.Key is not ("apiVersion" or "kind")).ToList();
        var apiVersion = obj["apiVersion"];
        var kind = obj["kind"];
        obj.Clear();
        obj["apiVersion"] = apiVersion;
        obj["kind"] = kind;
        foreach (var (key, value) in rest)
        {
            obj[key] = value;
        }
    }
}
