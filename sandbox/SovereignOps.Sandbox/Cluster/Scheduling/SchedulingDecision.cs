using System.Collections.Immutable;

namespace SovereignOps.Sandbox.Cluster.Scheduling;

/// <summary>
/// The outcome for one pod: the node it goes to, or why no node fits — the per-reason node counts and
/// the message the real scheduler would write into the PodScheduled condition and the FailedScheduling event.
/// </summary>
public sealed record SchedulingDecision(string? NodeName, string Message, ImmutableDictionary<string, int> Reasons)
{
    public bool Scheduled => NodeName is not null;

    public static SchedulingDecision BoundTo(string node) => new(node, "", ImmutableDictionary<string, int>.Empty);
}
