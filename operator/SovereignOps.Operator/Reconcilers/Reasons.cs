namespace SovereignOps.Operator.Reconcilers;

/// <summary>The condition types and CamelCase reasons the reconcilers report.</summary>
public static class Reasons
{
    public const string Planned = "Planned";
    public const string ResidencyCompliant = "ResidencyCompliant";
    public const string BaselineApplied = "BaselineApplied";

    public const string Available = "Available";
    public const string Progressing = "Progressing";
    public const string InvalidSpec = "InvalidSpec";
    public const string InsufficientGpuCapacity = "InsufficientGpuCapacity";
    public const string ResidencyViolation = "ResidencyViolation";
    public const string PlacementImpossible = "PlacementImpossible";
    public const string RenderFailed = "RenderFailed";
    public const string ApplyFailed = "ApplyFailed";
    public const string ProfileNotDeployable = "ProfileNotDeployable";
    public const string Fits = "Fits";
    public const string Compliant = "Compliant";
    public const string Applied = "Applied";
    public const string Valid = "Valid";
    public const string NodesReady = "NodesReady";
    public const string NodesMissing = "NodesMissing";
    public const string NodesNotReady = "NodesNotReady";
    public const string AgentsDeployed = "AgentsDeployed";
    public const string AgentsPending = "AgentsPending";
    public const string ModelsPending = "ModelsPending";
}
