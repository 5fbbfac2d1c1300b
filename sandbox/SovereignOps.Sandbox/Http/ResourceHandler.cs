using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Patching;
using SovereignOps.Sandbox.Protobuf;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;
using SovereignOps.Sandbox.Tables;

namespace SovereignOps.Sandbox.Http;

/// <summary>Serves resource URLs: get, list, watch, create, update, patch, delete and deletecollection.</summary>
internal sealed class ResourceHandler(ResourceApi api, TableConverter tables, WatchStreamer watches)
{
    private const int MaxBodyBytes = 3 * 1024 * 1024;

    public async Task HandleAsync(HttpContext context, RequestInfo info)
    {
        var type = api.Resolve(info.Group, info.Version, info.Resource);
        if (type is null || (!type.Namespaced && info.Namespace is not null) || !SubresourceExists(type, info.Subresource))
        {
            await HttpResponses.WriteErrorAsync(context, new ApiError(404, "NotFound", "the server could not find the requested resource"));
            return;
        }

        context.Items[RequestAccounting.ResourceKey] = type.Plural;
        var ns = info.Namespace ?? "";
        var method = context.Request.Method;
        if (info.Subresource == "scale" && info.Name is { } scaled)
        {
            await ScaleAsync(context, type, ns, scaled);
            return;
        }

        if (info.Subresource == "binding" && info.Name is { } bound)
        {
            await BindAsync(context, ns, bound);
            return;
        }

        var task = (method, info.Name) switch
        {
            ("GET", null) when info.LegacyWatch || QueryParameters.Flag(context.Request, "watch") => WatchAsync(context, type, info.Namespace),
            ("GET", null) => ListAsync(context, type, info.Namespace),
            ("GET", { } name) => GetAsync(context, type, ns, name),
            ("POST", null) => CreateAsync(context, type, ns),
            ("PUT", { } name) => UpdateAsync(context, type, ns, name, info.Subresource),
            ("PATCH", { } name) => PatchAsync(context, type, ns, name, info.Subresource),
            ("DELETE", { } name) => DeleteAsync(context, type, ns, name),
            ("DELETE", null) => DeleteCollectionAsync(context, type, info.Namespace),
            _ => HttpResponses.WriteErrorAsync(context, ApiError.MethodNotAllowed($"{method} is not supported on this resource")),
        };
        await task;
    }

    private static bool SubresourceExists(ResourceType type, string? subresource) => subresource switch
    {
        null => true,
        "status" => type.HasStatus,
        "finalize" => type.Group.Length == 0 && type.Plural == "namespaces",
        "scale" => type.HasScale,
        "binding" => type.Group.Length == 0 && type.Plural == "pods",
        _ => false,
    };

    private static Subresource SubresourceOf(string? name) => name is "status" ? Subresource.Status : Subresource.Main;

    private async Task GetAsync(HttpContext context, ResourceType type, string ns, string name)
    {
        context.Items[RequestAccounting.VerbKey] = "get";
        var found = api.Get(type, ns, name);
        if (!found.Succeeded)
        {
            await HttpResponses.WriteErrorAsync(context, found.Error);
            return;
        }

        var table = TableRequest.From(context.Request);
        if (table is not null)
        {
            await HttpResponses.WriteJsonAsync(context, 200, tables.Convert(type, [found.Value], table.Include, table.ApiVersion, null));
            return;
        }

        await HttpResponses.WriteBytesAsync(context, 200, ObjectView.Render(found.Value, type));
    }

    private async Task ListAsync(HttpContext context, ResourceType type, string? ns)
    {
        context.Items[RequestAccounting.VerbKey] = "list";
        var options = QueryParameters.List(context.Request, type);
        if (!options.Succeeded)
        {
            await HttpResponses.WriteErrorAsync(context, options.Error);
            return;
        }

        var listed = api.List(type, ns, options.Value);
        if (!listed.Succeeded)
        {
            await HttpResponses.WriteErrorAsync(context, listed.Error);
            return;
        }

        var page = listed.Value;
        var table = TableRequest.From(context.Request);
        if (table is not null)
        {
            var converted = tables.Convert(type, page.Items, table.Include, table.ApiVersion, new ListMetadata(page.ResourceVersion, page.Continue));
            await HttpResponses.WriteJsonAsync(context, 200, converted);
            return;
        }

        await WriteListAsync(context, type, page);
    }

    /// <summary>Writes the list by splicing the stored JSON of each item, without re-serializing it.</summary>
    private static async Task WriteListAsync(HttpContext context, ResourceType type, ListResult page)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = HttpResponses.JsonContentType;
        var metadata = new JsonObject { ["resourceVersion"] = page.ResourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (page.Continue is not null)
        {
            metadata["continue"] = page.Continue;
            metadata["remainingItemCount"] = page.RemainingItemCount;
        }

        var head = $"{{\"kind\":\"{type.ListKind}\",\"apiVersion\":\"{type.ApiVersion}\",\"metadata\":{metadata.ToJsonString()},\"items\":[";
        var body = context.Response.BodyWriter;
        body.Write(Encoding.UTF8.GetBytes(head));
        for (var i = 0; i < page.Items.Count; i++)
        {
            if (i > 0)
            {
                body.Write(","u8);
            }

            body.Write(ObjectView.Render(page.Items[i], type));
            if (i % 256 == 255)
            {
                await body.FlushAsync(context.RequestAborted);
            }
        }

        body.Write("]}"u8);
        await body.FlushAsync(context.RequestAborted);
    }

    private Task WatchAsync(HttpContext context, ResourceType type, string? ns)
    {
        context.Items[RequestAccounting.VerbKey] = "watch";
        return watches.StreamAsync(context, type, ns);
    }

    private async Task CreateAsync(HttpContext context, ResourceType type, string ns)
    {
        context.Items[RequestAccounting.VerbKey] = "create";
        var input = await ReadInputAsync(context);
        if (input.Error is not null)
        {
            await HttpResponses.WriteErrorAsync(context, input.Error);
            return;
        }

        var body = PatchDocuments.ParseObject(input.Body);
        if (!body.Succeeded)
        {
            await HttpResponses.WriteErrorAsync(context, body.Error);
            return;
        }

        var created = api.Create(type, ns, body.Value, input.Options!);
        await WriteObjectResultAsync(context, type, created, 201);
    }

    private async Task UpdateAsync(HttpContext context, ResourceType type, string ns, string name, string? subresource)
    {
        context.Items[RequestAccounting.VerbKey] = "update";
        var input = await ReadInputAsync(context);
        if (input.Error is not null)
        {
            await HttpResponses.WriteErrorAsync(context, input.Error);
            return;
        }

        var body = PatchDocuments.ParseObject(input.Body);
        if (!body.Succeeded)
        {
            await HttpResponses.WriteErrorAsync(context, body.Error);
            return;
        }

        var updated = api.Update(type, ns, name, body.Value, input.Options!, SubresourceOf(subresource));
        await WriteObjectResultAsync(context, type, updated, 200);
    }

    private async Task PatchAsync(HttpContext context, ResourceType type, string ns, string name, string? subresource)
    {
        context.Items[RequestAccounting.VerbKey] = "patch";
        var patchType = PatchTypes.FromContentType(context.Request.ContentType);
        if (patchType is null || (patchType == PatchType.StrategicMerge && type.IsCustom))
        {
            await HttpResponses.WriteErrorAsync(context, ApiError.UnsupportedMediaType(context.Request.ContentType ?? ""));
            return;
        }

        var input = await ReadInputAsync(context);
        if (input.Error is not null)
        {
            await HttpResponses.WriteErrorAsync(context, input.Error);
            return;
        }

        var existed = patchType == PatchType.Apply && api.Get(type, ns, name).Succeeded;
        var patched = api.Patch(type, ns, name, patchType.Value, input.Body, input.Options!, SubresourceOf(subresource));
        await WriteObjectResultAsync(context, type, patched, patchType == PatchType.Apply && !existed ? 201 : 200);
    }

    private async Task ScaleAsync(HttpContext context, ResourceType type, string ns, string name)
    {
        ApiResult<JsonObject> result;
        switch (context.Request.Method)
        {
            case "GET":
                context.Items[RequestAccounting.VerbKey] = "get";
                result = api.GetScale(type, ns, name);
                break;
            case "PUT" or "PATCH":
                context.Items[RequestAccounting.VerbKey] = context.Request.Method == "PUT" ? "update" : "patch";
                var input = await ReadInputAsync(context);
                if (input.Error is not null)
                {
                    await HttpResponses.WriteErrorAsync(context, input.Error);
                    return;
                }

                if (context.Request.Method == "PUT")
                {
                    var body = PatchDocuments.ParseObject(input.Body);
                    result = body.Succeeded ? api.UpdateScale(type, ns, name, body.Value, input.Options!) : body.Error;
                }
                else
                {
                    var patchType = PatchTypes.FromContentType(context.Request.ContentType);
                    result = patchType is null
                        ? ApiError.UnsupportedMediaType(context.Request.ContentType ?? "")
                        : api.PatchScale(type, ns, name, patchType.Value, input.Body, input.Options!);
                }

                break;
            default:
                result = ApiError.MethodNotAllowed($"{context.Request.Method} is not supported on the scale subresource");
                break;
        }

        if (!result.Succeeded)
        {
            await HttpResponses.WriteErrorAsync(context, result.Error);
            return;
        }

        HttpResponses.AddWarnings(context, result.Warnings);
        await HttpResponses.WriteJsonAsync(context, 200, result.Value);
    }

    /// <summary>POST pods/{name}/binding: a scheduler assigns the pod to a node; answered with a Success Status (201).</summary>
    private async Task BindAsync(HttpContext context, string ns, string name)
    {
        context.Items[RequestAccounting.VerbKey] = "create";
        if (context.Request.Method != "POST")
        {
            await HttpResponses.WriteErrorAsync(context, ApiError.MethodNotAllowed($"{context.Request.Method} is not supported on the binding subresource"));
            return;
        }

        var input = await ReadInputAsync(context);
        var body = input.Error is null ? PatchDocuments.ParseObject(input.Body) : input.Error;
        if (!body.Succeeded)
        {
            await HttpResponses.WriteErrorAsync(context, body.Error);
            return;
        }

        var bound = api.Bind(ns, name, body.Value, input.Options!);
        if (!bound.Succeeded)
        {
            await HttpResponses.WriteErrorAsync(context, bound.Error);
            return;
        }

        var success = HttpResponses.Success(null, "", "pods", null);
        success["code"] = 201;
        success.Remove("details");
        await HttpResponses.WriteJsonAsync(context, 201, success);
    }

    private async Task DeleteAsync(HttpContext context, ResourceType type, string ns, string name)
    {
        context.Items[RequestAccounting.VerbKey] = "delete";
        var options = await ReadDeleteOptionsAsync(context);
        if (!options.Succeeded)
        {
            await HttpResponses.WriteErrorAsync(context, options.Error);
            return;
        }

        var deleted = api.Delete(type, ns, name, options.Value);
        if (!deleted.Succeeded)
        {
            await HttpResponses.WriteErrorAsync(context, deleted.Error);
            return;
        }

        var result = deleted.Value;
        if (result.Outcome == DeleteOutcome.Pending)
        {
            await HttpResponses.WriteBytesAsync(context, 202, ObjectView.Render(result.Object, type));
            return;
        }

        await HttpResponses.WriteJsonAsync(context, 200, HttpResponses.Success(name, type.Group, type.Plural, result.Object.Uid));
    }

    private async Task DeleteCollectionAsync(HttpContext context, ResourceType type, string? ns)
    {
        context.Items[RequestAccounting.VerbKey] = "deletecollection";
        var listOptions = QueryParameters.List(context.Request, type);
        var options = await ReadDeleteOptionsAsync(context);
        if (!listOptions.Succeeded || !options.Succeeded)
        {
            await HttpResponses.WriteErrorAsync(context, listOptions.Error ?? options.Error!);
            return;
        }

        var deleted = api.DeleteCollection(type, ns, listOptions.Value, options.Value);
        if (!deleted.Succeeded)
        {
            await HttpResponses.WriteErrorAsync(context, deleted.Error);
            return;
        }

        await HttpResponses.WriteJsonAsync(context, 200, HttpResponses.Success(null, type.Group, type.Plural, null));
    }

    private static async Task WriteObjectResultAsync(HttpContext context, ResourceType type, ApiResult<StoredObject> result, int successCode)
    {
        if (!result.Succeeded)
        {
            await HttpResponses.WriteErrorAsync(context, result.Error);
            return;
        }

        HttpResponses.AddWarnings(context, result.Warnings);
        await HttpResponses.WriteBytesAsync(context, successCode, ObjectView.Render(result.Value, type));
    }

    private static async Task<(byte[] Body, WriteOptions? Options, ApiError? Error)> ReadInputAsync(HttpContext context)
    {

        var options = QueryParameters.Write(context.Request);
        if (!options.Succeeded)
        {
            return ([], null, options.Error);
        }

        var body = await ReadBodyAsync(context);
        if (body is null)
        {
            return ([], null, ApiError.RequestEntityTooLarge("Request entity too large: limit is 3145728"));
        }

        var contentType = context.Request.ContentType ?? "";
        if (contentType.StartsWith("application/vnd.kubernetes.protobuf", StringComparison.OrdinalIgnoreCase))
        {
            // Clients built on client-go send some built-in kinds as protobuf (helm's release Secrets).
            var decoded = ProtobufDecoder.Decode(body, contentType);
            return decoded.Succeeded ? (SandboxJson.ToBytes(decoded.Value), options.Value, null) : ([], null, decoded.Error);
        }

        return (body, options.Value, null);
    }

    private static async Task<ApiResult<Sandbox.Api.DeleteOptions>> ReadDeleteOptionsAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context);
        var fromBody = Sandbox.Api.DeleteOptions.Default;
        if (body is { Length: > 0 })
        {
            var contentType = context.Request.ContentType ?? "";
            var parsed = contentType.StartsWith("application/vnd.kubernetes.protobuf", StringComparison.OrdinalIgnoreCase)
                ? ProtobufDecoder.Decode(body, contentType)
                : PatchDocuments.ParseObject(body);
            if (!parsed.Succeeded)
            {
                return parsed.Error;
            }

            var json = parsed.Value;
            var policyText = json.GetString("propagationPolicy");
            PropagationPolicy? policy = policyText is null ? null : Enum.TryParse<PropagationPolicy>(policyText, out var p) ? p : null;
            if (policyText is not null && policy is null)
            {
                return ApiError.BadRequest($"propagationPolicy must be Background, Foreground or Orphan, got \"{policyText}\"");
            }

            if (policy is null && json["orphanDependents"] is JsonValue orphan && orphan.TryGetValue<bool>(out var orphanDependents))
            {
                policy = orphanDependents ? PropagationPolicy.Orphan : PropagationPolicy.Background;
            }

            var preconditions = json["preconditions"] as JsonObject;
            fromBody = new Sandbox.Api.DeleteOptions
            {
                PropagationPolicy = policy,
                PreconditionUid = preconditions?.GetString("uid"),
                PreconditionResourceVersion = preconditions?.GetString("resourceVersion"),
                DryRun = json["dryRun"] is JsonArray { Count: > 0 },
                GracePeriodSeconds = json.GetLong("gracePeriodSeconds"),
            };
        }

        return QueryParameters.Delete(context.Request, fromBody);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.Length > MaxBodyBytes ? null : buffer.ToArray();
    }
}
