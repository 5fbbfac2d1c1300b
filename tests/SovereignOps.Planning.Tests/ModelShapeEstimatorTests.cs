using SovereignOps.Planning.Capacity;

namespace SovereignOps.Planning.Tests;

public sealed class ModelShapeEstimatorTests
{
    [Theory]
    [InlineData(8, 32, 8, 128)]
    [InlineData(70, 80, 8, 128)]
    [InlineData(405, 126, 8, 128)]
    [InlineData(8.03, 32, 8, 128)]
    public void Known_sizes_take_the_published_shape(double billions, int layers, int kvHeads, int headDim)
    {
        var shape = ModelShapeEstimator.Estimate(billions);

        Assert.Equal((layers, kvHeads, headDim), (shape.Layers, shape.KvHeads, shape.HeadDim));
        Assert.True(shape.Estimated);
    }

    [Fact]
    public void Sizes_between_references_interpolate_layers_and_take_the_larger_neighbours_heads()
    {
        var shape = ModelShapeEstimator.Estimate(20);

        Assert.InRange(shape.Layers, 49, 63);
        Assert.Equal(8, shape.KvHeads);
        Assert.Contains("Qwen2.5-14B", shape.Basis, StringComparison.Ordinal);
        Assert.Contains("Qwen2.5-32B", shape.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Layers_grow_with_size_across_the_table_and_beyond_it()
    {
        double[] sizes = [3, 5, 8, 11, 14, 20, 32, 50, 70, 150, 405, 1000];

        var layers = sizes.Select(s => ModelShapeEstimator.Estimate(s).Layers).ToList();

        Assert.Equal(layers.Order().ToList(), layers);
        Assert.True(layers[^1] > 126);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Nonsense_sizes_are_refused(double billions) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ModelShapeEstimator.Estimate(billions));
}
