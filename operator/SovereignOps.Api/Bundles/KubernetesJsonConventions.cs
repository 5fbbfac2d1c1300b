using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;

namespace SovereignOps.Api.Bundles;

/// <summary>
/// How Kubernetes objects are written in JSON, as KubernetesClient writes them: camelCase names, nulls
/// left out, its timestamp, duration, enum and status converters. Metadata comes from this project's
/// compile-time context for the custom resources, then KubernetesClient's for its models, then
/// reflection for anything else. Shared by the strict bundle reader and the runtime's API reads.
/// </summary>
public static class KubernetesJsonConventions
{
    /// <summary>Options with the conventions; the caller may add to them before first use.</summary>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ApiJsonContext.Default, SourceGenerationContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new KubernetesJson.Iso8601TimeSpanConverter());
        options.Converters.Add(new KubernetesJson.KubernetesDateTimeConverter());
        options.Converters.Add(new KubernetesJson.KubernetesDateTimeOffsetConverter());
        options.Converters.Add(new V1Status.V1StatusObjectViewConverter());
        return options;
    }
}
