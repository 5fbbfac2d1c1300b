using System.Globalization;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Controllers;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Cluster.Events;

/// <summary>The object an event is about (core/v1 ObjectReference).</summary>
internal sealed record InvolvedObject(string Kind, string ApiVersion, string Namespace, string Name, string Uid);

/// <summary>
/// Writes core/v1 Events the way client-go's recorder does: named after the object plus a unique suffix,
/// with source and reporting component. An aggregated event that repeats (same object, reason and message)
/// bumps the count and lastTimestamp of the first one instead of adding another. Loop thread only.
/// </summary>
internal sealed class EventRecorder(ResourceApi api, TimeProvider clock)
{
    private readonly Dictionary<(string Uid, string Reason, string Message), string> _aggregated = [];
    private ResourceType? _events;
    private long _sequence;

    public void Normal(InvolvedObject about, string reason, string message, string component) => Record(about, "Normal", reason, message, component, aggregate: false);

    public void Warning(InvolvedObject about, string reason, string message, string component, bool aggregate = true) =>
        Record(about, "Warning", reason, message, component, aggregate);

    private static JsonObject Reference(InvolvedObject about)
    {
        var reference = new JsonObject { ["kind"] = about.Kind };
        if (about.Namespace.Length > 0)
        {
            reference["namespace"] = about.Namespace;
        }

        reference["name"] = about.Name;
        reference["uid"] = about.Uid;
        reference["apiVersion"] = about.ApiVersion;
        return reference;
    }

    /// <summary>Forgets the aggregation entries of an object that is gone.</summary>
    public void Forget(string uid)
    {
        foreach (var key in _aggregated.Keys.Where(k => k.Uid == uid).ToList())
        {
            _aggregated.Remove(key);
        }
    }

    private void Record(InvolvedObject about, string type, string reason, string message, string component, bool aggregate)
    {
        _events ??= api.Resolve("", "v1", "events")!;
        var ns = about.Namespace.Length > 0 ? about.Namespace : "default";
        var now = SandboxJson.Timestamp(clock.GetUtcNow());
        var key = (about.Uid, reason, message);
        if (aggregate && _aggregated.TryGetValue(key, out var existing))
        {
            var bumped = ControllerWrites.Update(api, _events, ns, existing, component, e =>
            {
                e["count"] = (e.GetLong("count") ?? 1) + 1;
                e["lastTimestamp"] = now;
                return true;
            });
            if (bumped is { Succeeded: true })
            {
                return;
            }
        }

        var name = $"{about.Name}.{clock.GetUtcNow().ToUnixTimeMilliseconds():x}{Interlocked.Increment(ref _sequence).ToString("x4", CultureInfo.InvariantCulture)}";
        var created = api.Create(_events, ns, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["involvedObject"] = Reference(about),
            ["reason"] = reason,
            ["message"] = message,
            ["source"] = new JsonObject { ["component"] = component },
            ["firstTimestamp"] = now,
            ["lastTimestamp"] = now,
            ["count"] = 1,
            ["type"] = type,
            ["eventTime"] = null,
            ["reportingComponent"] = component,
            ["reportingInstance"] = component,
        }, new WriteOptions { FieldManager = component });
        if (aggregate && created.Succeeded)
        {
            _aggregated[key] = name;
        }
    }
}
