using SovereignOps.Api.V1Alpha1;
using SovereignOps.Runtime.Informers;
using SovereignOps.Runtime.Status;

namespace SovereignOps.Operator.Reconcilers;

/// <summary>
/// Starts a desired status from a copy of the live one, so conditions keep their transition times
/// and a reconcile that finds nothing new produces an identical status (and the writer sends nothing).
/// </summary>
public static class StatusBuilder
{
    public static StatusBuilder<TStatus> From<TStatus>(TStatus? live, long? generation, TimeProvider time)
        where TStatus : class, IResourceStatus, new()
    {
        var status = live is null ? new TStatus() : ObjectCopy.DeepClone(live);
        status.ObservedGeneration = generation;
        return new StatusBuilder<TStatus>(status, generation, time);
    }
}

/// <summary>A desired status being filled in by a reconcile, and its conditions set for the object's generation.</summary>
public sealed class StatusBuilder<TStatus>(TStatus status, long? generation, TimeProvider time)
    where TStatus : class, IResourceStatus, new()
{
    public TStatus Status { get; } = status;

    public StatusBuilder<TStatus> Set(string type, bool? ok, string reason, string message)
    {
        var value = ok switch { true => ConditionStatus.True, false => ConditionStatus.False, null => ConditionStatus.Unknown };
        Conditions.Set(Status.Conditions, type, value, reason, Trim(message), generation, time.GetUtcNow());
        return this;
    }

    public StatusBuilder<TStatus> Remove(string type)
    {
        Conditions.Remove(Status.Conditions, type);
        return this;
    }

    // Conditions are read in kubectl output; a few findings say what is wrong, the rest is counted.
    private static string Trim(string message) => message.Length <= 4000 ? message : message[..3990] + " …";
}
