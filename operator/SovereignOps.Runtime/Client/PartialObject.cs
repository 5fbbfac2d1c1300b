using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace SovereignOps.Runtime.Client;

/// <summary>Just the identity and metadata of an object of any kind, for listing kinds the runtime has no model for.</summary>
public sealed class PartialObject : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = string.Empty;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = string.Empty;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();
}
