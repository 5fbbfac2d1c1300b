namespace SovereignOps.Planning.Capacity;

/// <summary>
/// Bytes each parameter occupies at a served precision, including the bookkeeping quantised formats
/// carry alongside the weights.
/// </summary>
/// <remarks>
/// Quantisation overhead, per parameter:
/// <list type="bullet">
/// <item>int4 (GPTQ/AWQ style): one fp16 scale and one fp16 zero point per group of 128 weights is
/// 4 / 128 = 0.03125 bytes; the embeddings, norms and output head usually stay at 16 bits, which
/// across common models adds about the same again. Planned as 0.0625 bytes, i.e. 4.5 bits per
/// parameter in total.</item>
/// <item>int8 and fp8: per-channel (or per-tensor) scales are a fraction of a percent, but the
/// unquantised embeddings and head are not; planned as 0.02 bytes, i.e. about 8.2 bits.</item>
/// <item>bf16 and fp16: none.</item>
/// </list>
/// </remarks>
public static class WeightPrecision
{
    public static IReadOnlyList<string> Known { get; } = ["bf16", "fp16", "fp8", "int8", "int4"];

    /// <summary>Bytes per parameter of the weights themselves.</summary>
    public static double BytesPerParameter(string precision) => precision switch
    {
        "bf16" or "fp16" => 2.0,
        "fp8" or "int8" => 1.0,
        "int4" => 0.5,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "unknown precision"),
    };

    /// <summary>Bytes per parameter of scales, zero points and layers left unquantised.</summary>
    public static double QuantisationOverheadPerParameter(string precision) => precision switch
    {
        "bf16" or "fp16" => 0.0,
        "fp8" or "int8" => 0.02,
        "int4" => 0.0625,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "unknown precision"),
    };

    /// <summary>
    /// Bytes per key/value element in the KV cache. Every precision is planned with a 16-bit cache:
    /// quantised weights still compute in bf16/fp16, and the serving runtimes keep the cache in the
    /// activation type unless told otherwise (vLLM's <c>--kv-cache-dtype auto</c>), which the
    /// model chart does not override. Planning fp8 models with a 1-byte cache would under-reserve.
    /// </summary>
    public static double KvBytesPerElement(string precision) =>
        Known.Contains(precision)
            ? 2.0
            : throw new ArgumentOutOfRangeException(nameof(precision), precision, "unknown precision");
}
