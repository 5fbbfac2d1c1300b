namespace SovereignOps.Api.Profiles;

/// <summary>
/// What a node of one GPU model typically looks like, so generated pools and simulated nodes agree with each
/// other and with the hardware a customer would buy.
/// </summary>
/// <param name="Model">The GpuPool model name, e.g. H100-80GB.</param>
/// <param name="ShortName">Lower-case family used in generated names, e.g. h100.</param>
/// <param name="MemoryGiB">Memory per GPU usable by workloads (B200: 180 of its 192 GB, as its full MIG slice shows).</param>
/// <param name="PerNode">GPUs in a typical server.</param>
/// <param name="Interconnect">NVLink, PCIe or InfinityFabric.</param>
/// <param name="ResourceName">Extended resource a whole GPU is advertised as.</param>
/// <param name="ProductLabelKey">Node label the device plugin's feature discovery sets.</param>
/// <param name="ProductLabel">Value of that label.</param>
/// <param name="NodeCpu">Logical CPUs of the server.</param>
/// <param name="NodeMemoryGi">Host memory of the server in GiB.</param>
/// <param name="MigSlices">MIG profile → slices per GPU, for MIG-capable models; empty otherwise.</param>
public sealed record GpuHardware(
    string Model,
    string ShortName,
    int MemoryGiB,
    int PerNode,
    string Interconnect,
    string ResourceName,
    string ProductLabelKey,
    string ProductLabel,
    int NodeCpu,
    int NodeMemoryGi,
    IReadOnlyDictionary<string, int> MigSlices)
{
    public bool IsNvidia => ResourceName.StartsWith("nvidia.com/", StringComparison.Ordinal);

    /// <summary>GiB of one slice of a MIG profile such as <c>3g.40gb</c>.</summary>
    public static int MigSliceGiB(string profile) =>
        int.Parse(profile[(profile.IndexOf('.', StringComparison.Ordinal) + 1)..^2], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The extended resource a MIG slice is advertised as under the mixed strategy.</summary>
    public static string MigResourceName(string profile) => $"nvidia.com/mig-{profile}";
}
