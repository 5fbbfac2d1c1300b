using System.Text.Json.Serialization;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Bundles;

/// <summary>
/// Compile-time JSON metadata for the five custom resources, so reading a bundle builds no
/// reflection-based serialisation metadata on first use (the Kubernetes types come from
/// KubernetesClient's own generated context). The runtime options (<see cref="StrictJson"/>) still
/// decide naming, converters and the refusal of unknown fields.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DataResidencyPolicy))]
[JsonSerializable(typeof(SovereignProfile))]
[JsonSerializable(typeof(GpuPool))]
[JsonSerializable(typeof(ModelDeployment))]
[JsonSerializable(typeof(AgentCatalog))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
