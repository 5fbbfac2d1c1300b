using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace SovereignOps.Cli.Commands;

/// <summary>An object of any kind, kept whole: identity and metadata typed, every other field as sent.</summary>
public sealed class KubeObject : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = string.Empty;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = string.Empty;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement> Fields { get; set; } = [];

    public JsonObject ToJson() => JsonNode.Parse(KubernetesJson.Serialize(this))!.AsObject();
}
