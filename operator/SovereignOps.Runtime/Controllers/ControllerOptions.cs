using SovereignOps.Runtime.Queue;

namespace SovereignOps.Runtime.Controllers;

public sealed record ControllerOptions
{
    /// <summary>Keys reconciled at the same time (never two reconciles of one key).</summary>
    public int Concurrency { get; init; } = 2;

    public WorkQueueOptions Queue { get; init; } = new();
}
