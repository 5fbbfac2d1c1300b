using System.Globalization;
using System.Text.RegularExpressions;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Validation.Rules;

/// <summary>
/// Counts that each pass the schema's bounds but cannot hold together: more usable memory than the GPU
/// model has, or MIG partitions that need more compute slices or memory than one GPU offers.
/// </summary>
public sealed partial class PoolCapacityRule : IBundleRule
{
    /// <summary>Compute slices of a MIG-capable GPU: a profile <c>Ng.Mgb</c> takes N of them.</summary>
    public const int MigComputeSlicesPerGpu = 7;

    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        foreach (var pool in bundle.Bundle.Pools)
        {
            var gpu = pool.Spec.Gpu;
            if (NominalMemoryGiB(gpu.Model) is not { } nominal)
            {
                continue;
            }

            if (gpu.MemoryGiB > nominal)
            {
                yield return bundle.Error(pool, "spec.gpu.memoryGiB",
                    $"{gpu.MemoryGiB} GiB usable per GPU is more than the {nominal} GiB a {gpu.Model} has; expected at most {nominal}");
            }

            if (pool.Spec.Partitioning.Mode == "MIG")
            {
                var (slices, memory) = MigDemand(pool.Spec.Partitioning.MigProfiles);
                if (slices > MigComputeSlicesPerGpu)
                {
                    yield return bundle.Error(pool, "spec.partitioning.migProfiles",
                        $"the MIG profiles take {slices} compute slices of each GPU; a {gpu.Model} has {MigComputeSlicesPerGpu}");
                }

                if (memory > nominal)
                {
                    yield return bundle.Error(pool, "spec.partitioning.migProfiles",
                        $"the MIG profiles take {memory} GB of each GPU; a {gpu.Model} has {nominal}");
                }
            }
        }
    }

    /// <summary>The memory in the GPU model's name (<c>H100-80GB</c> → 80), or null for a name without one.</summary>
    public static int? NominalMemoryGiB(string model)
    {
        var match = ModelMemory().Match(model);
        return match.Success ? int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null;
    }

    private static (int Slices, int MemoryGb) MigDemand(IEnumerable<MigProfile> profiles)
    {
        var slices = 0;
        var memory = 0;
        foreach (var profile in profiles)
        {
            var match = MigProfileShape().Match(profile.Profile);
            if (match.Success)
            {
                slices += int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) * profile.PerGpu;
                memory += int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture) * profile.PerGpu;
            }
        }

        return (slices, memory);
    }

    [GeneratedRegex("-([0-9]{1,4})GB$")]
    private static partial Regex ModelMemory();

    [GeneratedRegex("^([1-7])g\\.([0-9]{1,4})gb$")]
    private static partial Regex MigProfileShape();
}
