using System.Globalization;
using Microsoft.AspNetCore.Http;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Selectors;

namespace SovereignOps.Sandbox.Http;

/// <summary>Reads the query parameters of API requests into the options the API layer takes.</summary>
internal static class QueryParameters
{
    public static string? Get(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    public static bool Flag(HttpRequest request, string name) =>
        Get(request, name) is { } value && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    public static ApiResult<WriteOptions> Write(HttpRequest request)
    {
        var dryRun = request.Query["dryRun"];
        if (dryRun.Any(v => v != "All"))
        {
            return ApiError.BadRequest($"Invalid dryRun value: {string.Join(",", dryRun.ToArray())}; only \"All\" is supported");
        }

        var validation = Get(request, "fieldValidation") switch
        {
            null or "" or "Warn" => FieldValidation.Warn,
            "Strict" => FieldValidation.Strict,
            "Ignore" => FieldValidation.Ignore,
            var other => (FieldValidation?)null,
        };
        if (validation is null)
        {
            return ApiError.BadRequest($"fieldValidation must be one of Ignore, Warn or Strict, got \"{Get(request, "fieldValidation")}\"");
        }

        return new WriteOptions
        {
            DryRun = dryRun.Count > 0,
            FieldManager = Get(request, "fieldManager"),
            FieldValidation = validation.Value,
            Force = Flag(request, "force"),
            UserAgent = request.Headers.UserAgent.ToString(),
        };
    }

    public static ApiResult<ListOptions> List(HttpRequest request, ResourceType type)
    {
        var labels = LabelSelector.Parse(Get(request, "labelSelector"));
        if (!labels.Succeeded)
        {
            return labels.Error;
        }

        var fields = FieldSelector.Parse(Get(request, "fieldSelector"), type);
        if (!fields.Succeeded)
        {
            return fields.Error;
        }

        var limit = 0;
        if (Get(request, "limit") is { Length: > 0 } limitText && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 0))
        {
            return ApiError.BadRequest($"invalid limit: {limitText}");
        }

        return new ListOptions
        {
            LabelSelector = labels.Value,
            FieldSelector = fields.Value,
            Limit = limit,
            Continue = Get(request, "continue"),
        };
    }

    public static ApiResult<DeleteOptions> Delete(HttpRequest request, Sandbox.Api.DeleteOptions fromBody)
    {
        var policyText = Get(request, "propagationPolicy");
        PropagationPolicy? policy = fromBody.PropagationPolicy;
        if (policyText is { Length: > 0 })
        {
            if (!Enum.TryParse<PropagationPolicy>(policyText, out var parsed))
            {
                return ApiError.BadRequest($"propagationPolicy must be Background, Foreground or Orphan, got \"{policyText}\"");
            }

            policy = parsed;
        }

        if (Get(request, "orphanDependents") is { } orphan && policy is null)
        {
            policy = orphan == "true" ? PropagationPolicy.Orphan : PropagationPolicy.Background;
        }

        long? grace = fromBody.GracePeriodSeconds;
        if (Get(request, "gracePeriodSeconds") is { Length: > 0 } graceText)
        {
            if (!long.TryParse(graceText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsedGrace))
            {
                return ApiError.BadRequest($"invalid gracePeriodSeconds: {graceText}");
            }

            grace = parsedGrace;
        }

        return fromBody with
        {
            GracePeriodSeconds = grace,
            PropagationPolicy = policy,
            DryRun = fromBody.DryRun || request.Query["dryRun"].Count > 0,
        };
    }
}
