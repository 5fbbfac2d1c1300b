using System.Text.Json.Serialization;

namespace SovereignOps.Rendering.Values;

/// <summary>CPU, memory and ephemeral storage as Kubernetes quantities ("500m", "32Gi"); null leaves one out.</summary>
public sealed record ComputeResourcesValues
{
    public string? Cpu { get; init; }

    public string? Memory { get; init; }

    [JsonPropertyName("ephemeral-storage")]
    public string? EphemeralStorage { get; init; }
}

/// <summary>Requests and limits of one container.</summary>
public sealed record ContainerResourcesValues
{
    public ComputeResourcesValues Requests { get; init; } = new();

    public ComputeResourcesValues Limits { get; init; } = new();
}
