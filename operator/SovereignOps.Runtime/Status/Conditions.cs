using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Runtime.Status;

/// <summary>The three values a condition's status may take.</summary>
public static class ConditionStatus
{
    public const string True = "True";
    public const string False = "False";
    public const string Unknown = "Unknown";
}

/// <summary>
/// Condition bookkeeping per the Kubernetes API conventions: one entry per type, and a
/// lastTransitionTime that moves only when the status flips, so a reconcile that finds nothing new
/// leaves the conditions byte-for-byte as they were (and the status writer skips the write).
/// </summary>
public static class Conditions
{
    public const string Ready = "Ready";

    public static Condition? Find(IEnumerable<Condition> conditions, string type) =>
        conditions.FirstOrDefault(c => c.Type == type);

    public static bool IsTrue(IEnumerable<Condition> conditions, string type) =>
        Find(conditions, type)?.Status == ConditionStatus.True;

    /// <summary>
    /// Sets the condition of the given type and returns whether anything changed. Reason and message
    /// are updated in place; the transition time is the current time only when the status changes.
    /// </summary>
    public static bool Set(List<Condition> conditions, string type, string status, string reason, string message, long? observedGeneration, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        if (status is not (ConditionStatus.True or ConditionStatus.False or ConditionStatus.Unknown))
        {
            throw new ArgumentException($"condition status must be True, False or Unknown, not '{status}'", nameof(status));
        }

        var existing = Find(conditions, type);
        if (existing is null)
        {
            conditions.Add(new Condition
            {
                Type = type,
                Status = status,
                Reason = reason,
                Message = message,
                ObservedGeneration = observedGeneration,
                LastTransitionTime = TruncateToSeconds(now),
            });
            return true;
        }

        var changed = false;
        if (existing.Status != status)
        {
            existing.Status = status;
            existing.LastTransitionTime = TruncateToSeconds(now);
            changed = true;
        }

        changed |= Update(existing.Reason, reason, v => existing.Reason = v);
        changed |= Update(existing.Message, message, v => existing.Message = v);
        if (existing.ObservedGeneration != observedGeneration)
        {
            existing.ObservedGeneration = observedGeneration;
            changed = true;
        }

        return changed;
    }

    /// <summary>Removes the condition of the given type; true when there was one.</summary>
    public static bool Remove(List<Condition> conditions, string type) => conditions.RemoveAll(c => c.Type == type) > 0;

    /// <summary>API servers store condition times with second precision; keeping the same precision makes round trips equal.</summary>
    private static DateTime TruncateToSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private static bool Update(string current, string desired, Action<string> set)
    {
        if (current == desired)
        {
            return false;
        }

        set(desired);
        return true;
    }
}
