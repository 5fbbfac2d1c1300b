using SovereignOps.Planning.Capacity;

namespace SovereignOps.Planning.Tests;

public sealed class MemoryEstimatorTests
{
    [Fact]
    public void Weights_are_parameters_times_bytes_per_parameter_plus_quantisation_overhead()
    {
        var bf16 = MemoryEstimator.Estimate(Fixtures.Model("m", 70, "bf16").Spec);
        var fp8 = MemoryEstimator.Estimate(Fixtures.Model("m", 70, "fp8").Spec);
        var int4 = MemoryEstimator.Estimate(Fixtures.Model("m", 70, "int4").Spec);

        Assert.Equal(70e9 * 2 / Gib.Bytes, bf16.WeightsGiB, 6);
        Assert.Equal(70e9 * 1.02 / Gib.Bytes, fp8.WeightsGiB, 6);
        Assert.Equal(70e9 * 0.5625 / Gib.Bytes, int4.WeightsGiB, 6);
    }

    [Fact]
    public void Kv_cache_is_two_times_layers_kv_heads_head_dim_bytes_tokens_and_sequences()
    {
        var spec = Fixtures.Model("m", 8, change: s =>
        {
            s.Architecture = new Api.V1Alpha1.ModelArchitecture { Layers = 32, KvHeads = 8, HeadDim = 128 };
            s.ContextLength = 8192;
            s.MaxConcurrentSequences = 16;
        }).Spec;

        var memory = MemoryEstimator.Estimate(spec);

        // 2 × 32 × 8 × 128 × 2 bytes = 128 KiB per token; × 131,072 tokens = 16 GiB.
        Assert.Equal(16.0, memory.KvCacheGiB, 9);
        Assert.False(memory.Shape.Estimated);
    }

    [Fact]
    public void Headroom_is_a_fraction_of_weights_and_cache_plus_a_fixed_amount_per_device()
    {
        var memory = MemoryEstimator.Estimate(Fixtures.Model("m", 8).Spec);

        var onFour = memory.OnDevices(4);

        Assert.Equal((memory.ModelGiB * RuntimeHeadroom.Fraction) + (4 * RuntimeHeadroom.PerDeviceGiB), onFour.HeadroomGiB, 9);
        Assert.Equal(onFour.WeightsGiB + onFour.KvCacheGiB + onFour.HeadroomGiB, onFour.TotalGiB, 9);
    }

    [Fact]
    public void A_missing_architecture_is_estimated_and_labelled_as_such()
    {
        var memory = MemoryEstimator.Estimate(Fixtures.Model("m", 70).Spec);

        Assert.True(memory.Shape.Estimated);
        Assert.Equal((80, 8, 128), (memory.Shape.Layers, memory.Shape.KvHeads, memory.Shape.HeadDim));
        Assert.Equal("shape of Llama-3.1-70B", memory.Shape.Basis);
    }
}
