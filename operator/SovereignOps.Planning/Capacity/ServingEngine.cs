namespace SovereignOps.Planning.Capacity;

/// <summary>What a serving runtime can do with several GPUs, as far as the planner is concerned.</summary>
/// <param name="Name">vllm, tgi or triton.</param>
/// <param name="SpansNodes">One replica may run across nodes (a leader plus worker ranks).</param>
/// <param name="PipelineParallel">
/// The runtime can split layers into pipeline stages. Without a fast GPU interconnect, pipeline
/// parallelism moves far less data between GPUs than tensor parallelism, so such a runtime gets
/// pipeline stages on PCIe pools.
/// </param>
public sealed record ServingEngine(string Name, bool SpansNodes, bool PipelineParallel)
{
    /// <summary>vLLM: tensor and pipeline parallel, multi-node through its multiprocessing backend.</summary>
    public static readonly ServingEngine Vllm = new("vllm", SpansNodes: true, PipelineParallel: true);

    /// <summary>Text Generation Inference shards tensors across the GPUs of one node only.</summary>
    public static readonly ServingEngine Tgi = new("tgi", SpansNodes: false, PipelineParallel: false);

    /// <summary>
    /// Triton serves an engine whose parallelism was fixed when it was built; the planner only
    /// chooses how many GPUs of one node the pod gets.
    /// </summary>
    public static readonly ServingEngine Triton = new("triton", SpansNodes: false, PipelineParallel: false);

    public static ServingEngine For(string engine) => engine switch
    {
        "vllm" => Vllm,
        "tgi" => Tgi,
        "triton" => Triton,
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "unknown serving engine"),
    };
}
