using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Http;
using SovereignOps.Sandbox.Patching;

namespace SovereignOps.Sandbox.Faults;

/// <summary>
/// The admin endpoint for fault injection: <c>GET /sandbox/faults</c> shows the plan, <c>PUT</c> replaces it
/// (JSON: seed, failureRate, failureCodes, retryAfterSeconds, verbs, latencyMs, latencyJitterMs,
/// watchCutAfterEvents, watchCutAfterSeconds, watchExpireRate, outageSeconds), <c>DELETE</c> clears it.
/// </summary>
internal sealed class FaultAdmin(FaultInjector faults)
{
    public async Task HandleAsync(HttpContext context, string path)
    {
        context.Items[RequestAccounting.ResourceKey] = "sandbox/faults";
        if (path.TrimEnd('/') != "/sandbox/faults")
        {
            await HttpResponses.WriteErrorAsync(context, new ApiError(404, "NotFound", "the server could not find the requested resource"));
            return;
        }

        switch (context.Request.Method)
        {
            case "GET":
                await HttpResponses.WriteJsonAsync(context, 200, ToJson(faults.Plan));
                return;
            case "DELETE":
                faults.Clear();
                await HttpResponses.WriteJsonAsync(context, 200, ToJson(faults.Plan));
                return;
            case "PUT" or "POST":
                using (var buffer = new MemoryStream())
                {
                    await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
                    var parsed = PatchDocuments.ParseObject(buffer.ToArray());
                    var plan = parsed.Succeeded ? FromJson(parsed.Value) : parsed.Error;
                    if (!plan.Succeeded)
                    {
                        await HttpResponses.WriteErrorAsync(context, plan.Error);
                        return;
                    }

                    faults.Configure(plan.Value);
                    await HttpResponses.WriteJsonAsync(context, 200, ToJson(plan.Value));
                }

                return;
            default:
                await HttpResponses.WriteErrorAsync(context, ApiError.MethodNotAllowed("use GET, PUT or DELETE"));
                return;
        }
    }

    public static ApiResult<FaultPlan> FromJson(JsonObject json)
    {
        try
        {
            var rate = Number(json, "failureRate") ?? 0;
            var expire = Number(json, "watchExpireRate") ?? 0;
            if (rate is < 0 or > 1 || expire is < 0 or > 1)
            {
                return ApiError.BadRequest("failureRate and watchExpireRate must lie between 0 and 1");
            }

            return new FaultPlan
            {
                Seed = (int)(Number(json, "seed") ?? 1),
                FailureRate = rate,
                FailureCodes = json["failureCodes"] is JsonArray codes ? [.. codes.Select(c => c!.GetValue<int>())] : [500],
                RetryAfterSeconds = (int)(Number(json, "retryAfterSeconds") ?? 1),
                Verbs = json["verbs"] is JsonArray verbs ? [.. verbs.Select(v => v!.GetValue<string>())] : ImmutableArray<string>.Empty,
                Latency = TimeSpan.FromMilliseconds(Number(json, "latencyMs") ?? 0),
                LatencyJitter = TimeSpan.FromMilliseconds(Number(json, "latencyJitterMs") ?? 0),
                WatchCutAfterEvents = Number(json, "watchCutAfterEvents") is { } events ? (int)events : null,
                WatchCutAfter = Number(json, "watchCutAfterSeconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                WatchExpireRate = expire,
                Outage = Number(json, "outageSeconds") is { } outage ? TimeSpan.FromSeconds(outage) : null,
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            return ApiError.BadRequest($"invalid fault plan: {e.Message}");
        }
    }

    public static JsonObject ToJson(FaultPlan plan) => new()
    {
        ["seed"] = plan.Seed,
        ["failureRate"] = plan.FailureRate,
        ["failureCodes"] = new JsonArray([.. plan.FailureCodes.Select(c => (JsonNode)c)]),
        ["retryAfterSeconds"] = plan.RetryAfterSeconds,
        ["verbs"] = new JsonArray([.. plan.Verbs.Select(v => (JsonNode)v)]),
        ["latencyMs"] = plan.Latency.TotalMilliseconds,
        ["latencyJitterMs"] = plan.LatencyJitter.TotalMilliseconds,
        ["watchCutAfterEvents"] = plan.WatchCutAfterEvents,
        ["watchCutAfterSeconds"] = plan.WatchCutAfter?.TotalSeconds,
        ["watchExpireRate"] = plan.WatchExpireRate,
        ["outageSeconds"] = plan.Outage?.TotalSeconds,
    };

    private static double? Number(JsonObject json, string property) =>
        json[property] is JsonValue value ? value.GetValue<double>() : null;
}
