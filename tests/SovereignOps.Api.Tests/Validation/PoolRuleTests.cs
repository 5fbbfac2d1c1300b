using SovereignOps.Api.V1Alpha1;
using SovereignOps.Api.Validation.Rules;

namespace SovereignOps.Api.Tests.Validation;

public sealed class PoolRuleTests
{
    [Fact]
    public void A_pool_of_a_missing_profile_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Pools[1].Spec.ProfileRef.Name = "mohp";

        var error = RuleAssert.Single(new PoolProfileRule(), bundle, "spec.profileRef.name", "SovereignProfile \"mohp\" does not exist; expected one of: \"moph\"");
        Assert.Equal("GpuPool/moph-a100-mig", error.File);
    }

    [Fact]
    public void A_pool_outside_the_policy_regions_is_reported_with_the_allowed_regions()
    {
        var bundle = SampleBundle.Create();
        bundle.Pools[1].Spec.Region = "sg-singapore";

        RuleAssert.Single(new PoolRegionRule(), bundle, "spec.region",
            "region \"sg-singapore\" is outside DataResidencyPolicy \"th-pdpa\"; expected one of: \"th-bangkok\", \"th-nonthaburi\"");
    }

    [Fact]
    public void A_pool_zone_outside_the_policy_zones_is_reported_at_its_index()
    {
        var bundle = SampleBundle.Create();
        bundle.Pools[0].Spec.Zones.Add("th-bangkok-z");

        RuleAssert.Single(new PoolRegionRule(), bundle, "spec.zones[1]", "zone \"th-bangkok-z\" is outside");
    }

    [Fact]
    public void Zones_are_free_when_the_policy_does_not_narrow_them()
    {
        var bundle = SampleBundle.Create();
        bundle.Policies[0].Spec.Regions.AllowedZones.Clear();
        bundle.Pools[0].Spec.Zones.Add("th-bangkok-z");

        RuleAssert.Silent(new PoolRegionRule(), bundle);
    }

    [Fact]
    public void A_pool_allowing_a_class_the_policy_does_not_define_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Pools[1].Spec.AllowedDataClasses.Add("TopSecret");

        RuleAssert.Single(new PoolDataClassesRule(), bundle, "spec.allowedDataClasses[2]",
            "data class \"TopSecret\" is not defined by DataResidencyPolicy \"th-pdpa\"; expected one of: \"Secret\", \"PersonalData\", \"Public\"");
    }

    [Fact]
    public void Usable_memory_beyond_the_gpu_model_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Pools[0].Spec.Gpu.MemoryGiB = 800;

        RuleAssert.Single(new PoolCapacityRule(), bundle, "spec.gpu.memoryGiB", "800 GiB usable per GPU is more than the 80 GiB a H100-80GB has");
    }

    [Fact]
    public void Mig_profiles_needing_more_than_seven_compute_slices_are_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Pools[1].Spec.Partitioning.MigProfiles = [new MigProfile { Profile = "3g.20gb", PerGpu = 3 }];

        RuleAssert.Single(new PoolCapacityRule(), bundle, "spec.partitioning.migProfiles", "take 9 compute slices of each GPU; a A100-80GB has 7");
    }

    [Fact]
    public void Mig_profiles_needing_more_memory_than_the_gpu_are_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Pools[1].Spec.Partitioning.MigProfiles = [new MigProfile { Profile = "1g.20gb", PerGpu = 5 }];

        RuleAssert.Single(new PoolCapacityRule(), bundle, "spec.partitioning.migProfiles", "take 100 GB (10 of 8 memory slices) of each GPU; a A100-80GB has 80 GB");
    }

    [Theory]
    [InlineData("H200-141GB", "3g.71gb", 2)]
    [InlineData("H200-141GB", "1g.18gb", 7)]
    [InlineData("H100-80GB", "3g.40gb", 2)]
    [InlineData("H100-80GB", "1g.10gb", 7)]
    [InlineData("A100-40GB", "3g.20gb", 2)]
    public void Full_nvidia_mig_layouts_whose_rounded_names_add_up_past_the_gpu_are_accepted(string model, string profile, int perGpu)
    {
        var bundle = SampleBundle.Create();
        bundle.Pools[1].Spec.Gpu.Model = model;
        bundle.Pools[1].Spec.Gpu.MemoryGiB = PoolCapacityRule.NominalMemoryGiB(model)!.Value;
        bundle.Pools[1].Spec.Partitioning.MigProfiles = [new MigProfile { Profile = profile, PerGpu = perGpu }];

        Assert.Empty(RuleAssert.Run(new PoolCapacityRule(), bundle));
    }

    [Theory]
    [InlineData("H100-80GB", 80)]
    [InlineData("MI300X-192GB", 192)]
    [InlineData("L4-24GB", 24)]
    public void The_nominal_memory_is_read_from_the_model_name(string model, int expected) =>
        Assert.Equal(expected, PoolCapacityRule.NominalMemoryGiB(model));

    [Fact]
    public void A_shared_pool_allowing_a_class_that_forbids_sharing_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Pools[1].Spec.AllowedDataClasses.Add("Secret");

        var errors = RuleAssert.Run(new GpuSharingRule(), bundle);

        var error = Assert.Single(errors);
        Assert.Equal("GpuPool/moph-a100-mig", error.File);
        Assert.Equal("spec.allowedDataClasses[2]", error.FieldPath);
        Assert.Contains("data class \"Secret\" forbids GPU sharing, but the pool shares its GPUs (MIG)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_dedicated_pool_allowing_a_class_that_needs_dedicated_nodes_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Pools[0].Spec.Dedicated = false;
        bundle.Models.RemoveAt(0);

        var error = RuleAssert.Single(new DedicatedNodesRule(), bundle, "spec.allowedDataClasses[0]",
            "data class \"Secret\" requires dedicated nodes, but the pool is not dedicated");
        Assert.Equal("GpuPool/moph-h100", error.File);
    }
}
