namespace SovereignOps.Api.Profiles;

/// <summary>
/// The GPU models <c>profile init</c> can size pools for: the GpuPool enum, with typical server shapes and the
/// MIG layouts NVIDIA documents for each memory size (homogeneous partitions only).
/// </summary>
public static class GpuCatalog
{
    private const string NvidiaProduct = "nvidia.com/gpu.product";
    private const string NvidiaGpu = "nvidia.com/gpu";

    private static readonly Dictionary<string, int> NoMig = [];

    public static IReadOnlyList<GpuHardware> All { get; } =
    [
        new("A100-40GB", "a100", 40, 8, "NVLink", NvidiaGpu, NvidiaProduct, "NVIDIA-A100-SXM4-40GB", 256, 1024,
            Mig("1g.5gb", "2g.10gb", "3g.20gb", "4g.20gb", "7g.40gb")),
        new("A100-80GB", "a100", 80, 8, "NVLink", NvidiaGpu, NvidiaProduct, "NVIDIA-A100-SXM4-80GB", 256, 2048,
            Mig("1g.10gb", "2g.20gb", "3g.40gb", "4g.40gb", "7g.80gb")),
        new("H100-80GB", "h100", 80, 8, "NVLink", NvidiaGpu, NvidiaProduct, "NVIDIA-H100-80GB-HBM3", 224, 2048,
            Mig("1g.10gb", "2g.20gb", "3g.40gb", "4g.40gb", "7g.80gb")),
        new("H100-94GB", "h100nvl", 94, 8, "NVLink", NvidiaGpu, NvidiaProduct, "NVIDIA-H100-NVL", 192, 1536,
            Mig("1g.12gb", "2g.24gb", "3g.47gb", "4g.47gb", "7g.94gb")),
        new("H200-141GB", "h200", 141, 8, "NVLink", NvidiaGpu, NvidiaProduct, "NVIDIA-H200", 224, 2048,
            Mig("1g.18gb", "2g.35gb", "3g.71gb", "4g.71gb", "7g.141gb")),
        new("B200-192GB", "b200", 180, 8, "NVLink", NvidiaGpu, NvidiaProduct, "NVIDIA-B200", 224, 4096,
            Mig("1g.23gb", "2g.45gb", "3g.90gb", "4g.90gb", "7g.180gb")),
        new("L40S-48GB", "l40s", 48, 4, "PCIe", NvidiaGpu, NvidiaProduct, "NVIDIA-L40S", 128, 768, NoMig),
        new("L4-24GB", "l4", 24, 4, "PCIe", NvidiaGpu, NvidiaProduct, "NVIDIA-L4", 64, 384, NoMig),
        new("MI300X-192GB", "mi300x", 192, 8, "InfinityFabric", "amd.com/gpu", "amd.com/gpu.product-name", "AMD_Instinct_MI300X_OAM", 384, 3072, NoMig),
    ];

    public static string Models { get; } = string.Join(", ", All.Select(g => g.Model));

    /// <summary>The hardware for a model name, ignoring case; null when unknown.</summary>
    public static GpuHardware? Find(string model) =>
        All.FirstOrDefault(g => string.Equals(g.Model, model, StringComparison.OrdinalIgnoreCase));

    // MIG splits a GPU into seven compute slices; a profile named Ng takes N of them, and the largest
    // homogeneous layout is 7 x 1g, 3 x 2g, 2 x 3g, 1 x 4g or 1 x 7g.
    private static Dictionary<string, int> Mig(string oneG, string twoG, string threeG, string fourG, string sevenG) => new()
    {
        [oneG] = 7,
        [twoG] = 3,
        [threeG] = 2,
        [fourG] = 1,
        [sevenG] = 1,
    };
}
