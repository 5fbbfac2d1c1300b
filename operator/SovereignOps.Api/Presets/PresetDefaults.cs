using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Presets;

/// <summary>Building blocks every preset shares, so each country file only states what differs.</summary>
internal static class PresetDefaults
{
    public const string RegionLabelKey = "topology.kubernetes.io/region";
    public const string ZoneLabelKey = "topology.kubernetes.io/zone";

    /// <summary>
    /// The customer's private in-country networks. A starting point only: the customer's network team narrows
    /// it to the ranges its services really use.
    /// </summary>
    public static EgressRules PrivateNetworksOnly() => new() { AllowedCidrs = ["10.0.0.0/8", "172.16.0.0/12"] };

    /// <summary>Encrypted network block storage and node-local NVMe for weight caches, both inside the cluster.</summary>
    public static StorageRules InClusterStorage() => new() { AllowedStorageClasses = ["encrypted-ssd", "local-nvme"] };

    public static ResidencyRegions AllowAll(IReadOnlyList<PresetRegion> regions) => new()
    {
        NodeLabelKey = RegionLabelKey,
        Allowed = regions.Select(r => r.Name).ToList(),
        ZoneLabelKey = ZoneLabelKey,
    };

    public static EncryptionRules KeysHeldInCountry(string keyManagementService) => new()
    {
        AtRestRequired = true,
        KeysInCountry = true,
        KeyManagementService = keyManagementService,
    };

    public static LawReference Law(string name, string citation, string? url = null) => new() { Name = name, Citation = citation, Url = url };

    /// <summary>A data class; the three obligations are named at every call so a preset reads as the law does.</summary>
    public static DataClass Class(string name, string description, bool inCountryOnly, bool dedicatedNodes, bool gpuSharingAllowed) => new()
    {
        Name = name,
        Description = description,
        InCountryOnly = inCountryOnly,
        DedicatedNodes = dedicatedNodes,
        GpuSharingAllowed = gpuSharingAllowed,
    };
}
