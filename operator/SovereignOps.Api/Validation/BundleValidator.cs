using SovereignOps.Api.Bundles;
using SovereignOps.Api.Validation.Rules;

namespace SovereignOps.Api.Validation;

/// <summary>
/// The semantic checks across a bundle that a per-object schema cannot express: references between
/// objects, residency (regions, data classes, storage, egress, weights) and capacities that cannot hold
/// together. Pure: takes a bundle, returns errors; the CLI and the operator run the same rules.
/// </summary>
public static class BundleValidator
{
    /// <summary>Every rule, in the order a reader follows a bundle: policies, profiles, pools, models, agents.</summary>
    public static IReadOnlyList<IBundleRule> Rules { get; } =
    [
        new DuplicateNameRule(),
        new CountryCodeRule(),
        new PolicyRegionsRule(),
        new ProfilePolicyRule(),
        new ProfileDefaultPoolRule(),
        new TenantNamespaceRule(),
        new PoolProfileRule(),
        new PoolRegionRule(),
        new PoolDataClassesRule(),
        new PoolCapacityRule(),
        new GpuSharingRule(),
        new DedicatedNodesRule(),
        new TenantObjectNamespaceRule(),
        new ModelPoolRule(),
        new ModelDataClassRule(),
        new WeightsStorageClassRule(),
        new WeightsResidencyRule(),
        new AgentModelRefRule(),
        new AgentModalityRule(),
        new AgentDataClassRule(),
        new AgentEgressRule(),
    ];

    /// <summary>Every error of every rule, in source order (file, line); empty for a valid bundle.</summary>
    public static IReadOnlyList<ValidationError> Validate(Bundle bundle)
    {
        var index = new BundleIndex(bundle);
        return Rules.SelectMany(rule => rule.Check(index)).Order(ValidationError.SourceOrder).ToList();
    }
}
