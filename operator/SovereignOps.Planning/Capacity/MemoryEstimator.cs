using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Planning.Capacity;

/// <summary>Weights + KV cache + runtime headroom of one replica of a model.</summary>
public static class MemoryEstimator
{
    /// <summary>The breakdown with headroom for a single device; use <see cref="MemoryBreakdown.OnDevices"/> once the layout is known.</summary>
    public static MemoryBreakdown Estimate(ModelDeploymentSpec spec)
    {
        var shape = ShapeOf(spec);
        var bytesPerParameter = WeightPrecision.BytesPerParameter(spec.Precision)
            + WeightPrecision.QuantisationOverheadPerParameter(spec.Precision);
        var weights = Gib.FromBytes(spec.ParametersBillions * 1e9 * bytesPerParameter);

        var tokens = (double)spec.ContextLength * spec.MaxConcurrentSequences;
        var kvCache = Gib.FromBytes(shape.KvElementsPerToken * WeightPrecision.KvBytesPerElement(spec.Precision) * tokens);

        return new MemoryBreakdown(weights, kvCache, RuntimeHeadroom.For(weights + kvCache, 1), shape);
    }

    public static ModelShape ShapeOf(ModelDeploymentSpec spec) =>
        spec.Architecture is { } given
            ? new ModelShape(given.Layers, given.KvHeads, given.HeadDim, Estimated: false, "given in spec.architecture")
            : ModelShapeEstimator.Estimate(spec.ParametersBillions);
}
