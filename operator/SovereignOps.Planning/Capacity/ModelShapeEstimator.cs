using System.Globalization;

namespace SovereignOps.Planning.Capacity;

/// <summary>
/// Estimates a model's layers, KV heads and head dimension from its parameter count when the spec
/// does not give its architecture, from the shapes of well-known open models.
/// </summary>
/// <remarks>
/// Between two reference sizes the layer count is interpolated on the logarithm of the parameter
/// count (depth grows roughly with the log of size across these families) and the KV heads and head
/// dimension are taken from the larger neighbour, so the KV cache is never under-estimated. Outside
/// the table the layer count scales with the cube root of the size ratio: a model grows in depth and
/// width together, and parameters grow with depth × width².
/// </remarks>
public static class ModelShapeEstimator
{
    /// <summary>Reference shapes (published configurations of common open models), smallest first.</summary>
    public static IReadOnlyList<ReferenceShape> References { get; } =
    [
        new(0.5, 24, 2, 64, "Qwen2.5-0.5B"),
        new(1, 16, 8, 64, "Llama-3.2-1B"),
        new(3, 28, 8, 128, "Llama-3.2-3B"),
        new(8, 32, 8, 128, "Llama-3.1-8B"),
        new(14, 48, 8, 128, "Qwen2.5-14B"),
        new(32, 64, 8, 128, "Qwen2.5-32B"),
        new(70, 80, 8, 128, "Llama-3.1-70B"),
        new(405, 126, 8, 128, "Llama-3.1-405B"),
    ];

    /// <summary>Within this relative distance of a reference size, the reference shape is used as is.</summary>
    private const double SameSizeTolerance = 0.02;

    public static ModelShape Estimate(double parametersBillions)
    {
        if (!(parametersBillions > 0) || double.IsInfinity(parametersBillions))
        {
            throw new ArgumentOutOfRangeException(nameof(parametersBillions), parametersBillions, "must be a positive number");
        }

        foreach (var reference in References)
        {
            if (Math.Abs(parametersBillions - reference.ParametersBillions) <= reference.ParametersBillions * SameSizeTolerance)
            {
                return reference.ToShape($"shape of {reference.Model}");
            }
        }

        var smallest = References[0];
        var largest = References[^1];
        if (parametersBillions < smallest.ParametersBillions)
        {
            return ScaledFrom(smallest, parametersBillions);
        }

        if (parametersBillions > largest.ParametersBillions)
        {
            return ScaledFrom(largest, parametersBillions);
        }

        var upperIndex = 1;
        while (References[upperIndex].ParametersBillions < parametersBillions)
        {
            upperIndex++;
        }

        var lower = References[upperIndex - 1];
        var upper = References[upperIndex];
        var t = (Math.Log(parametersBillions) - Math.Log(lower.ParametersBillions))
            / (Math.Log(upper.ParametersBillions) - Math.Log(lower.ParametersBillions));
        var layers = (int)Math.Round(lower.Layers + (t * (upper.Layers - lower.Layers)), MidpointRounding.AwayFromZero);
        return new ModelShape(
            Math.Max(layers, Math.Min(lower.Layers, upper.Layers)),
            upper.KvHeads,
            upper.HeadDim,
            Estimated: true,
            $"interpolated between {lower.Model} and {upper.Model}");
    }

    private static ModelShape ScaledFrom(ReferenceShape reference, double parametersBillions)
    {
        var ratio = parametersBillions / reference.ParametersBillions;
        var layers = Math.Max(1, (int)Math.Ceiling(reference.Layers * Math.Cbrt(ratio)));
        var factor = Math.Cbrt(ratio).ToString("0.00", CultureInfo.InvariantCulture);
        return new ModelShape(layers, reference.KvHeads, reference.HeadDim, Estimated: true,
            $"{reference.Model} with layers scaled by {factor}");
    }
}

/// <summary>A published model configuration the estimator interpolates between.</summary>
public sealed record ReferenceShape(double ParametersBillions, int Layers, int KvHeads, int HeadDim, string Model)
{
    public ModelShape ToShape(string basis) => new(Layers, KvHeads, HeadDim, Estimated: true, basis);
}
