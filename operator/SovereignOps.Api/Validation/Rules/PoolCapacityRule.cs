using System.Globalization;
using System.Text.RegularExpressions;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Validation.Rules;

/// <summary>
/// Counts that each pass the schema's bounds but cannot hold together: more usable memory than the GPU
/// model has, or MIG partitions that need more compute slices or memory slices than one GPU offers.
/// </summary>
/// <remarks>
/// MIG divides a GPU's memory into eight equal slices and names each profile after the memory it gets,
/// rounded (an H200-141GB's <c>3g.71gb</c> is four slices of 17.6 GB). Adding the named gigabytes would refuse
/// valid layouts such as two <c>3g.71gb</c> (142 "GB" on 141), so memory is counted in slices.
/// </remarks>
public sealed partial class PoolCapacityRule : IBundleRule
{
    /// <summary>Compute slices of a MIG-capable GPU: a profile <c>Ng.Mgb</c> takes N of them.</summary>
    public const int MigComputeSlicesPerGpu = 7;

    /// <summary>Memory slices of a MIG-capable GPU: a profile takes its share of the memory in eighths.</summary>
    public const int MigMemorySlicesPerGpu = 8;

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
                var (slices, memory, memorySlices) = MigDemand(pool.Spec.Partitioning.MigProfiles, nominal);
                if (slices > MigComputeSlicesPerGpu)
                {
                    yield return bundle.Error(pool, "spec.partitioning.migProfiles",
                        $"the MIG profiles take {slices} compute slices of each GPU; a {gpu.Model} has {MigComputeSlicesPerGpu}");
                }

                if (memorySlices > MigMemorySlicesPerGpu)
                {
                    yield return bundle.Error(pool, "spec.partitioning.migProfiles",
                        $"the MIG profiles take {memory} GB ({memorySlices} of {MigMemorySlicesPerGpu} memory slices) of each GPU; a {gpu.Model} has {nominal} GB");
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

    private static (int Slices, int MemoryGb, int MemorySlices) MigDemand(IEnumerable<MigProfile> profiles, int nominalGb)
    {
        var sliceGb = (double)nominalGb / MigMemorySlicesPerGpu;
        var slices = 0;
        var memory = 0;
        var memorySlices = 0;
        foreach (var profile in profiles)
        {
            var match = MigProfileShape().Match(profile.Profile);
            if (match.Success)
            {
                var gb = int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
                slices += int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) * profile.PerGpu;
                memory += gb * profile.PerGpu;
                memorySlices += Math.Max(1, (int)Math.Round(gb / sliceGb, MidpointRounding.AwayFromZero)) * profile.PerGpu;
            }
        }

        return (slices, memory, memorySlices);
    }

    [GeneratedRegex("-([0-9]{1,4})GB$")]
    private static partial Regex ModelMemory();

    [GeneratedRegex("^([1-7])g\\.([0-9]{1,4})gb$")]
    private static partial Regex MigProfileShape();
}
