namespace SovereignOps.Planning.Capacity;

/// <summary>
/// The transformer dimensions the KV cache depends on. <see cref="Estimated"/> is true when they were
/// derived from the parameter count rather than given in the spec; <see cref="Basis"/> says how
/// (e.g. "shape of Llama-3.1-8B" or "interpolated between Qwen2.5-14B and Qwen2.5-32B").
/// </summary>
public sealed record ModelShape(int Layers, int KvHeads, int HeadDim, bool Estimated, string Basis)
{
    /// <summary>Key and value elements cached per token across every layer.</summary>
    public long KvElementsPerToken => 2L * Layers * KvHeads * HeadDim;
}
