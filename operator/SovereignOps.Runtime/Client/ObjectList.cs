using System.Text.Json.Serialization;
using k8s.Models;

namespace SovereignOps.Runtime.Client;

/// <summary>One page of a list response: the items and the list metadata (resourceVersion, continue).</summary>
public sealed class ObjectList<T>
{
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public List<T> Items { get; set; } = [];
}
