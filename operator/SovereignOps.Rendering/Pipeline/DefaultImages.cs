namespace SovereignOps.Rendering.Pipeline;

/// <summary>
/// Images used when a ModelDeployment names none. They are given as upstream references and moved
/// to the profile's mirror like every other image; the mirror must carry them.
/// </summary>
public static class DefaultImages
{
    public const string Vllm = "docker.io/vllm/vllm-openai:v0.11.0";
    public const string Tgi = "ghcr.io/huggingface/text-generation-inference:3.3.4";
    public const string Triton = "nvcr.io/nvidia/tritonserver:25.01-py3";

    /// <summary>The init container that downloads weights from an in-country store into the cache claim.</summary>
    public const string WeightsFetcher = "ghcr.io/sovereignops/weights-fetcher:0.1.0";

    public static string ForEngine(string engine) => engine switch
    {
        "vllm" => Vllm,
        "tgi" => Tgi,
        "triton" => Triton,
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "unknown serving engine"),
    };
}
