using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Apply;
using SovereignOps.Sandbox.Patching;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Api;

public sealed partial class ResourceApi
{
    public ApiResult<StoredObject> Create(ResourceType type, string ns, JsonObject body, WriteOptions options)
    {
        var prepared = PrepareCreate(type, ns, body, options);
        if (!prepared.Succeeded)
        {
            return prepared.Error;
        }

        var obj = prepared.Value;
        Fields.RecordCreate(type, obj, options.EffectiveManager);
        return Commit(type, obj, options).WithWarnings(prepared.Warnings);
    }

    /// <summary>PUT: replaces the object (or its status) if it is still at the body's resourceVersion.</summary>
    public ApiResult<StoredObject> Update(ResourceType type, string ns, string name, JsonObject body, WriteOptions options, Subresource subresource = Subresource.Main)
    {
        var mismatch = CheckIdentity(type, ns, name, body);
        if (mismatch is not null)
        {
            return mismatch;
        }

        var precondition = body.Metadata().GetString("resourceVersion");
        if (string.IsNullOrEmpty(precondition) && type.RequiresResourceVersionOnUpdate)
        {
            return ApiError.Invalid(type, name, [new StatusCause("FieldValueInvalid", "Invalid value: 0x0: must be specified for an update", "metadata.resourceVersion")]);
        }

        return GuaranteedUpdate(type, ns, name, options, current =>
        {
            if (!string.IsNullOrEmpty(precondition) && precondition != current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return ApiError.StaleUpdate(type.GroupResource, name);
            }

            return PrepareUpdate(type, current.ToJsonObject(), (JsonObject)body.DeepClone(), options, subresource, applied: false);
        });
    }

    /// <summary>PATCH with any of the four patch types; apply creates the object when it is missing.</summary>
    public ApiResult<StoredObject> Patch(ResourceType type, string ns, string name, PatchType patchType, ReadOnlyMemory<byte> patch, WriteOptions options, Subresource subresource = Subresource.Main)
    {
        if (patchType == PatchType.Apply)
        {
            return Apply(type, ns, name, patch, options, subresource);
        }

        return GuaranteedUpdate(type, ns, name, options, current =>
        {
            var old = current.ToJsonObject();
            var patched = PatchEngine.Apply(patchType, current.ToJsonObject(), patch.Span, ListSchemas.For(type));
            if (!patched.Succeeded)
            {
                return patched.Error with { Name = name, Kind = type.Kind, Group = type.Group };
            }

            var next = patched.Value;
            var precondition = next.Metadata().GetString("resourceVersion");
            if (!string.IsNullOrEmpty(precondition) && precondition != current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return ApiError.StaleUpdate(type.GroupResource, name);
            }

            var identity = CheckIdentity(type, ns, name, next);
            return identity is null ? PrepareUpdate(type, old, next, options, subresource, applied: false) : identity;
        });
    }

    private ApiResult<StoredObject> Apply(ResourceType type, string ns, string name, ReadOnlyMemory<byte> patch, WriteOptions options, Subresource subresource)
    {
        if (string.IsNullOrEmpty(options.FieldManager))
        {
            return ApiError.BadRequest("PATCH, fieldManager is required for apply requests");
        }

        var parsed = PatchDocuments.ParseObject(patch.Span);
        if (!parsed.Succeeded)
        {
            return parsed.Error;
        }

        var applied = parsed.Value;
        var identity = CheckIdentity(type, ns, name, applied, requireTypeMeta: true);
        if (identity is not null)
        {
            return identity;
        }

        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            var current = Store.Get(type.GroupResource, Scope(type, ns), name);
            if (current is null)
            {
                if (subresource != Subresource.Main)
                {
                    return ApiError.NotFound(type.GroupResource, name);
                }

                var created = ApplyCreate(type, ns, name, applied, options);
                if (created.Error?.Reason == "AlreadyExists")
                {
                    continue;
                }

                return created;
            }

            var old = current.ToJsonObject();
            var merged = Fields.Apply(type, old, (JsonObject)applied.DeepClone(), options.FieldManager, options.Force, subresource);
            if (!merged.Succeeded)
            {
                return merged.Error with { Name = name, Group = type.Group, Kind = type.Kind };
            }

            var prepared = PrepareUpdate(type, old, merged.Value, options, subresource, applied: true);
            if (!prepared.Succeeded)
            {
                return prepared.Error;
            }

            var outcome = CommitUpdate(type, current, old, prepared.Value, options, out var retry);
            if (!retry)
            {
                return outcome.WithWarnings(prepared.Warnings);
            }
        }

        return ApiError.Conflict(type.GroupResource, name, "too many concurrent changes; try again");
    }

    private ApiResult<StoredObject> ApplyCreate(ResourceType type, string ns, string name, JsonObject applied, WriteOptions options)
    {
        var body = (JsonObject)applied.DeepClone();
        body.Metadata()["name"] = name;
        var prepared = PrepareCreate(type, ns, body, options);
        if (!prepared.Succeeded)
        {
            return prepared.Error;
        }

        var obj = prepared.Value;
        Fields.RecordApplyCreate(type, obj, applied, options.FieldManager!);
        return Commit(type, obj, options).WithWarnings(prepared.Warnings);
    }

    private ApiResult<StoredObject> Commit(ResourceType type, JsonObject obj, WriteOptions options)
    {
        if (options.DryRun)
        {
            return StoredObject.Transient(type.GroupResource, obj);
        }

        var commit = Store.Create(type.GroupResource, obj);
        return commit.Outcome == CommitOutcome.Committed
            ? commit.Object!
            : ApiError.AlreadyExists(type.GroupResource, obj.Metadata().GetString("name") ?? "");
    }

    /// <summary>
    /// Re-reads the object and re-runs <paramref name="mutate"/> until the write lands on the version it was
    /// computed from, the way the API server's GuaranteedUpdate does; explicit preconditions fail inside mutate.
    /// </summary>
    private ApiResult<StoredObject> GuaranteedUpdate(ResourceType type, string ns, string name, WriteOptions options, Func<StoredObject, ApiResult<JsonObject>> mutate)
    {
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            var current = Store.Get(type.GroupResource, Scope(type, ns), name);
            if (current is null)
            {
                return ApiError.NotFound(type.GroupResource, name);
            }

            var mutated = mutate(current);
            if (!mutated.Succeeded)
            {
                return mutated.Error;
            }

            var outcome = CommitUpdate(type, current, current.ToJsonObject(), mutated.Value, options, out var retry);
            if (!retry)
            {
                return outcome.WithWarnings(mutated.Warnings);
            }
        }

        return ApiError.Conflict(type.GroupResource, name, "too many concurrent changes; try again");
    }

    /// <summary>Stores <paramref name="next"/> over <paramref name="current"/>; a no-op change writes nothing.</summary>
    private ApiResult<StoredObject> CommitUpdate(ResourceType type, StoredObject current, JsonObject old, JsonObject next, WriteOptions options, out bool retry)
    {
        retry = false;
        if (JsonNode.DeepEquals(old, next))
        {
            return current;
        }

        var finished = next.Metadata()["deletionTimestamp"] is not null
            && next.Metadata().StringList("finalizers").Count == 0
            && !HasSpecFinalizers(type, next);
        if (options.DryRun)
        {
            return StoredObject.Transient(type.GroupResource, next);
        }

        var commit = finished
            ? Store.Delete(type.GroupResource, next, current.ResourceVersion)
            : Store.Update(type.GroupResource, next, current.ResourceVersion);
        switch (commit.Outcome)
        {
            case CommitOutcome.Committed:
                return commit.Object!;
            case CommitOutcome.NotFound:
                return ApiError.NotFound(type.GroupResource, current.Name);
            default:
                retry = true;
                return ApiError.StaleUpdate(type.GroupResource, current.Name);
        }
    }

    private static ApiError? CheckIdentity(ResourceType type, string ns, string name, JsonObject body, bool requireTypeMeta = false)
    {
        var typeError = CheckTypeMeta(type, body, requireTypeMeta);
        if (typeError is not null)
        {
            return typeError;
        }

        var metadata = body.Metadata();
        var bodyName = metadata.GetString("name");
        if (!string.IsNullOrEmpty(bodyName) && bodyName != name)
        {
            return ApiError.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        var bodyNamespace = metadata.GetString("namespace");
        if (type.Namespaced && !string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != ns)
        {
            return ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        return null;
    }

    private static ApiError? CheckTypeMeta(ResourceType type, JsonObject body, bool required)
    {
        var apiVersion = body.GetString("apiVersion");
        var kind = body.GetString("kind");
        if (required && (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind)))
        {
            return ApiError.BadRequest("invalid object type: apiVersion and kind are required");
        }

        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != type.ApiVersion)
        {
            return ApiError.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion})");
        }

        if (!string.IsNullOrEmpty(kind) && kind != type.Kind)
        {
            return ApiError.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})");
        }

        return null;
    }
}
