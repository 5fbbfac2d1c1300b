using k8s.Models;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Profiles;

/// <summary>Builds the GpuPool resource of a <see cref="PoolDesign"/>.</summary>
internal static class PoolFactory
{
    public static GpuPool Create(PoolDesign design, string profileName, DataResidencyPolicySpec policy) => new()
    {
        Metadata = new V1ObjectMeta { Name = design.Name },
        Spec = new GpuPoolSpec
        {
            ProfileRef = new ObjectReference { Name = profileName },
            Region = design.Region.Name,
            Zones = design.Zones.ToList(),
            NodeSelector = new Dictionary<string, string> { [ProfileLabels.Pool] = design.Name },
            NodeCount = design.NodeCount,
            Gpu = new GpuSpec
            {
                Model = design.Gpu.Model,
                MemoryGiB = design.Gpu.MemoryGiB,
                PerNode = design.GpusPerNode,
                Interconnect = design.Gpu.Interconnect,
                ResourceName = design.Gpu.ResourceName,
            },
            Partitioning = design.MigProfile is { } mig
                ? new GpuPartitioning { Mode = "MIG", MigProfiles = [new MigProfile { Profile = mig, PerGpu = design.Gpu.MigSlices[mig] }] }
                : new GpuPartitioning { Mode = "None" },
            AllowedDataClasses = AllowedClasses(policy, shared: design.MigProfile is not null),
            Dedicated = true,
            Tolerations = [new Toleration { Key = ProfileLabels.DedicatedTaint, Operator = "Equal", Value = profileName, Effect = "NoSchedule" }],
        },
    };

    // The pool is dedicated to the customer, so classes that need dedicated nodes may use it; a MIG pool
    // shares each GPU between workloads, so classes that forbid GPU sharing may not.
    private static List<string> AllowedClasses(DataResidencyPolicySpec policy, bool shared) =>
        policy.DataClasses.Where(c => !shared || c.GpuSharingAllowed).Select(c => c.Name).ToList();
}
