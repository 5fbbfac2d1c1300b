using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace SovereignOps.Api.V1Alpha1;

/// <summary>The common shape of every SovereignOps custom resource: metadata, a spec and a status.</summary>
public abstract class CustomResource<TSpec, TStatus> : IKubernetesObject<V1ObjectMeta>, ISpec<TSpec>, IStatus<TStatus?>
    where TSpec : class, new()
    where TStatus : class, IResourceStatus, new()
{
    protected CustomResource(string kind)
    {
        ApiVersion = ApiGroup.ApiVersion;
        Kind = kind;
    }

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    public string Kind { get; set; }

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public TSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TStatus? Status { get; set; }

    /// <summary><c>namespace/name</c> for namespaced resources, <c>name</c> for cluster-scoped ones.</summary>
    [JsonIgnore]
    public string Key => string.IsNullOrEmpty(Metadata.NamespaceProperty)
        ? Metadata.Name ?? string.Empty
        : $"{Metadata.NamespaceProperty}/{Metadata.Name}";

    /// <summary>Returns the status, creating an empty one first if there is none.</summary>
    public TStatus EnsureStatus() => Status ??= new TStatus();
}
