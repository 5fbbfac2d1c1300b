using System.Text.Json.Serialization;

namespace SovereignOps.Rendering.Values;

/// <summary>
/// Compile-time JSON metadata for the three charts' values: writing values needs no reflection over
/// the value types (and the Kubernetes types they embed) on first use, which a cold
/// <c>sovereignctl render</c> would otherwise pay for.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ModelChartValues))]
[JsonSerializable(typeof(AgentChartValues))]
[JsonSerializable(typeof(TenantChartValues))]
internal sealed partial class ChartValuesJsonContext : JsonSerializerContext;
