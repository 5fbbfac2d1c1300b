using System.Globalization;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Patching;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Api;

/// <summary>
/// The /scale subresource: an autoscaling/v1 Scale view of an object's replicas (what <c>kubectl scale</c>
/// and autoscalers use). Writing it changes only the replicas field of the object.
/// </summary>
public sealed partial class ResourceApi
{
    public ApiResult<JsonObject> GetScale(ResourceType type, string ns, string name)
    {
        var found = Get(type, ns, name);
        return found.Succeeded ? ScaleView(type, found.Value) : found.Error;
    }

    /// <summary>PUT of a Scale: sets the object's replicas if the Scale's resourceVersion (when given) is current.</summary>
    public ApiResult<JsonObject> UpdateScale(ResourceType type, string ns, string name, JsonObject scale, WriteOptions options) =>
        WriteScale(type, ns, name, options, _ => scale);

    /// <summary>PATCH of a Scale with a JSON, merge or strategic merge patch.</summary>
    public ApiResult<JsonObject> PatchScale(ResourceType type, string ns, string name, PatchType patchType, ReadOnlyMemory<byte> patch, WriteOptions options) =>
        WriteScale(type, ns, name, options, current => PatchEngine.Apply(patchType == PatchType.Apply ? PatchType.Merge : patchType, current, patch.Span, SovereignOps.Sandbox.Apply.ListSchemas.For(type)));

    private ApiResult<JsonObject> WriteScale(ResourceType type, string ns, string name, WriteOptions options, Func<JsonObject, ApiResult<JsonObject>> change)
    {
        var paths = type.Scale!;
        var written = GuaranteedUpdate(type, ns, name, options, current =>
        {
            var desired = change(ScaleView(type, current));
            if (!desired.Succeeded)
            {
                return desired.Error;
            }

            var precondition = desired.Value.Metadata().GetString("resourceVersion");
            if (!string.IsNullOrEmpty(precondition) && precondition != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
            {
                return ApiError.StaleUpdate(type.GroupResource, name);
            }

            if (desired.Value.At("spec.replicas") is not JsonValue replicas || !replicas.TryGetValue<long>(out var count) || count < 0)
            {
                return ApiError.Invalid(type, name, [new StatusCause("FieldValueInvalid", "Invalid value: must be greater than or equal to 0", "spec.replicas")]);
            }

            var old = current.ToJsonObject();
            var next = current.ToJsonObject();
            SetPath(next, paths.SpecReplicas, count);
            return PrepareUpdate(type, old, next, options, Subresource.Main, applied: false);
        });
        return written.Succeeded ? ApiResult.Ok(ScaleView(type, written.Value), written.Warnings) : written.Error;
    }

    private static JsonObject ScaleView(ResourceType type, StoredObject stored)
    {
        var obj = stored.ToJsonObject();
        var paths = type.Scale!;
        var metadata = obj.Metadata();
        var status = new JsonObject { ["replicas"] = obj.At(paths.StatusReplicas)?.DeepClone() ?? 0 };
        if (paths.Selector is { } selectorPath && obj.At(selectorPath) is { } selector)
        {
            status["selector"] = paths.SelectorIsLabelSelector && selector is JsonObject labelSelector
                ? SelectorString(labelSelector)
                : selector.DeepClone();
        }

        var view = new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = metadata["name"]?.DeepClone(),
                ["namespace"] = metadata["namespace"]?.DeepClone(),
                ["uid"] = metadata["uid"]?.DeepClone(),
                ["resourceVersion"] = metadata["resourceVersion"]?.DeepClone(),
                ["creationTimestamp"] = metadata["creationTimestamp"]?.DeepClone(),
            },
            ["spec"] = new JsonObject { ["replicas"] = obj.At(paths.SpecReplicas)?.DeepClone() ?? 0 },
            ["status"] = status,
        };
        if (!type.Namespaced)
        {
            view.Metadata().Remove("namespace");
        }

        return view;
    }

    private static string SelectorString(JsonObject selector)
    {
        var terms = new List<string>();
        if (selector["matchLabels"] is JsonObject labels)
        {
            terms.AddRange(labels.Select(p => $"{p.Key}={p.Value}"));
        }

        foreach (var expression in (selector["matchExpressions"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var key = expression.GetString("key");
            var values = string.Join(",", expression.StringList("values"));
            terms.Add(expression.GetString("operator") switch
            {
                "In" => $"{key} in ({values})",
                "NotIn" => $"{key} notin ({values})",
                "DoesNotExist" => $"!{key}",
                _ => key ?? "",
            });
        }

        return string.Join(",", terms);
    }

    private static void SetPath(JsonObject obj, string dottedPath, long value)
    {
        var parts = dottedPath.Split('.');
        var node = obj;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = new JsonObject();
                node[part] = child;
            }

            node = child;
        }

        node[parts[^1]] = value;
    }
}
