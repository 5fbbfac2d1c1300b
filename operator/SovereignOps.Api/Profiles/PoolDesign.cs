using SovereignOps.Api.Presets;

namespace SovereignOps.Api.Profiles;

/// <summary>A GPU request resolved against the hardware catalog and the preset: everything a pool and its nodes are built from.</summary>
internal sealed record PoolDesign(string Name, GpuHardware Gpu, PresetRegion Region, int NodeCount, int GpusPerNode, string? MigProfile)
{
    public int TotalGpus => NodeCount * GpusPerNode;

    /// <summary>Zones the nodes are spread over, round-robin, in the region's order.</summary>
    public IReadOnlyList<string> Zones => Region.Zones.Take(Math.Min(NodeCount, Region.Zones.Count)).ToList();

    public string ZoneOf(int nodeIndex) => Region.Zones[nodeIndex % Region.Zones.Count];

    public double ReplicaCapacityGiB => ModelSizing.ReplicaCapacityGiB(Gpu, GpusPerNode, MigProfile);

    /// <summary>Checks a request against the catalog and the preset; returns the design or the reason it cannot be built.</summary>
    public static (PoolDesign? Design, string? Error) Resolve(GpuRequest request, CountryPreset preset, string slug)
    {
        var option = $"--gpu {request.Model}:{request.Count}";
        var gpu = GpuCatalog.Find(request.Model);
        if (gpu is null)
        {
            return (null, $"{option}: unknown GPU model '{request.Model}'; known models: {GpuCatalog.Models}");
        }

        var region = request.Region is null ? preset.Regions[0] : preset.FindRegion(request.Region);
        if (region is null)
        {
            return (null, $"{option}: region '{request.Region}' is not in the {preset.Code} preset; regions: {string.Join(", ", preset.Regions.Select(r => r.Name))}");
        }

        if (request.MigProfile is { } mig && !gpu.MigSlices.ContainsKey(mig))
        {
            return (null, gpu.MigSlices.Count == 0
                ? $"{option}: {gpu.Model} does not support MIG partitioning"
                : $"{option}: MIG profile '{mig}' does not exist on {gpu.Model}; profiles: {string.Join(", ", gpu.MigSlices.Keys)}");
        }

        // Servers come in fixed sizes: a request either fits in one server or fills whole servers.
        var perNode = Math.Min(request.Count, gpu.PerNode);
        if (request.Count % perNode != 0)
        {
            return (null, $"{option}: {gpu.Model} servers carry {gpu.PerNode} GPUs; ask for at most {gpu.PerNode} or a multiple of {gpu.PerNode}");
        }

        var family = request.MigProfile is null ? gpu.ShortName : $"{gpu.ShortName}-mig";
        return (new PoolDesign($"{slug}-{family}-{region.Name}", gpu, region, request.Count / perNode, perNode, request.MigProfile), null);
    }
}
