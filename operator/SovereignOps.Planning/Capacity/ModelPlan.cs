using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Planning.Capacity;

/// <summary>The capacity plan of one ModelDeployment.</summary>
/// <param name="Model">The planned resource.</param>
/// <param name="Pool">The GpuPool it is placed on, when one could be resolved.</param>
/// <param name="Memory">Memory per replica, with headroom for the chosen layout.</param>
/// <param name="Layout">Devices per replica; null when no layout fits the pool's hardware.</param>
/// <param name="Replicas">Replicas planned for: autoscaling.maxReplicas when autoscaling, else replicas.</param>
/// <param name="Before">Pool usage before this model was accounted.</param>
/// <param name="After">Pool usage after it (unchanged when it does not fit).</param>
/// <param name="ReplicaNodes">For each replica, the nodes it is planned on.</param>
/// <param name="Problem">Why the model does not fit; null when it does.</param>
public sealed record ModelPlan(
    ModelDeployment Model,
    GpuPool? Pool,
    MemoryBreakdown Memory,
    ReplicaLayout? Layout,
    int Replicas,
    PoolUsage? Before,
    PoolUsage? After,
    IReadOnlyList<IReadOnlyList<string>> ReplicaNodes,
    string? Problem)
{
    public string Key => Model.Key;

    public bool Fits => Problem is null;

    public string? PoolName => Pool?.Metadata.Name;
}
