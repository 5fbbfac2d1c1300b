namespace SovereignOps.Planning.Capacity;

/// <summary>A replica layout, or why the pool's hardware cannot hold one replica at all.</summary>
public sealed record LayoutDecision(ReplicaLayout? Layout, MemoryBreakdown Memory, string? Problem)
{
    public static LayoutDecision Fits(ReplicaLayout layout, MemoryBreakdown memory) => new(layout, memory.OnDevices(layout.DevicesPerReplica), null);

    public static LayoutDecision DoesNotFit(MemoryBreakdown memory, string problem) => new(null, memory, problem);
}
