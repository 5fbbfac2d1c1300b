using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>What every workload reconciler shares: the cache it reads, the writer it writes through, the clock and the name source.</summary>
internal sealed class WorkloadContext(ResourceApi api, ClusterCache cache, WorkloadWriter writer, RandomSuffix names)
{
    public ResourceApi Api { get; } = api;

    public ClusterCache Cache { get; } = cache;

    public WorkloadWriter Writer { get; } = writer;

    public RandomSuffix Names { get; } = names;

    public DateTimeOffset Now => Api.Clock.GetUtcNow();
}
