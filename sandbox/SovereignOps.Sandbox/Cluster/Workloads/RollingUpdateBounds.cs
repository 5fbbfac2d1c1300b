using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// How far a Deployment's rolling update may go above and below the desired replicas. maxSurge rounds up and
/// maxUnavailable rounds down, so a percentage never blocks progress in both directions; when both still come
/// out as zero the controller allows one unavailable pod (surge alone could be blocked by quota or capacity).
/// </summary>
public readonly record struct RollingUpdateBounds(int MaxSurge, int MaxUnavailable)
{
    public static RollingUpdateBounds Resolve(IntOrPercent? maxSurge, IntOrPercent? maxUnavailable, int desired)
    {
        var surge = Math.Max(0, (maxSurge ?? default).Scale(desired, roundUp: true));
        var unavailable = Math.Max(0, (maxUnavailable ?? default).Scale(desired, roundUp: false));
        if (surge == 0 && unavailable == 0)
        {
            unavailable = 1;
        }

        return new RollingUpdateBounds(surge, unavailable);
    }

    /// <summary>The bounds of a Deployment spec: zero surge and zero unavailability for Recreate.</summary>
    public static RollingUpdateBounds For(JsonObject spec, int desired)
    {
        if (spec.At("strategy.type")?.ToString() == "Recreate")
        {
            return new RollingUpdateBounds(0, 0);
        }

        var rolling = spec.At("strategy.rollingUpdate") as JsonObject;
        var bounds = Resolve(IntOrPercent.From(rolling?["maxSurge"]), IntOrPercent.From(rolling?["maxUnavailable"]), desired);
        return bounds with { MaxUnavailable = Math.Min(bounds.MaxUnavailable, desired) };
    }

    /// <summary>Whether the spec asks for zero surge and zero unavailability explicitly, which validation refuses.</summary>
    public static bool BothZero(JsonObject? rolling)
    {
        var surge = IntOrPercent.From(rolling?["maxSurge"]);
        var unavailable = IntOrPercent.From(rolling?["maxUnavailable"]);
        return surge is { Value: 0 } && unavailable is { Value: 0 };
    }
}
