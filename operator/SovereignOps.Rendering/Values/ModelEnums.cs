using System.Text.Json.Serialization;

namespace SovereignOps.Rendering.Values;

[JsonConverter(typeof(JsonStringEnumConverter<RuntimeEngine>))]
public enum RuntimeEngine
{
    [JsonStringEnumMemberName("vllm")]
    Vllm,

    [JsonStringEnumMemberName("tgi")]
    Tgi,

    [JsonStringEnumMemberName("triton")]
    Triton,
}

[JsonConverter(typeof(JsonStringEnumConverter<WorkloadKind>))]
public enum WorkloadKind
{
    Deployment,
    StatefulSet,
}

[JsonConverter(typeof(JsonStringEnumConverter<WeightsSource>))]
public enum WeightsSource
{
    /// <summary>Downloaded from an in-country store into a cache claim by the fetcher init container.</summary>
    [JsonStringEnumMemberName("uri")]
    Uri,

    /// <summary>An existing claim holding the weights, mounted read-only.</summary>
    [JsonStringEnumMemberName("pvc")]
    Pvc,

    /// <summary>An OCI artifact mounted read-only as an image volume.</summary>
    [JsonStringEnumMemberName("oci")]
    Oci,
}
