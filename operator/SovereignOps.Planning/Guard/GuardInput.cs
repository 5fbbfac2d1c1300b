using k8s;
using k8s.Models;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Planning.Guard;

/// <summary>
/// A rendered object and what it was rendered for: the GPU pool its pods belong on (null for
/// workloads that need no GPU and for non-workload objects) and the data classes it handles.
/// </summary>
public sealed record GuardedObject(IKubernetesObject<V1ObjectMeta> Object, GpuPool? Pool, IReadOnlyList<string> DataClasses)
{
    public static GuardedObject Plain(IKubernetesObject<V1ObjectMeta> resource) => new(resource, null, []);
}

/// <summary>The rules rendered objects are held to: a profile and the residency policy it is bound by.</summary>
public sealed class GuardContext(DataResidencyPolicy policy, SovereignProfile profile)
{
    private IReadOnlyList<Cidr>? allowedEgress;

    public DataResidencyPolicy Policy { get; } = policy;

    public SovereignProfile Profile { get; } = profile;

    public string PolicyName => Policy.Metadata.Name ?? string.Empty;

    public string ProfileName => Profile.Metadata.Name ?? string.Empty;

    public string Mirror => Profile.Spec.Registry.Mirror.TrimEnd('/');

    /// <summary>The policy's egress allow-list, parsed once per guard run rather than once per NetworkPolicy.</summary>
    public IReadOnlyList<Cidr> AllowedEgress => allowedEgress ??= (Policy.Spec.Egress?.AllowedCidrs ?? []).Select(Cidr.TryParse).OfType<Cidr>().ToList();

    public string PolicyClause(string field, IEnumerable<string> values) =>
        $"DataResidencyPolicy {PolicyName} {field} [{string.Join(", ", values)}]";

    public string PolicyClause(string field) => $"DataResidencyPolicy {PolicyName} {field}";

    public string ProfileClause(string field, string value) => $"SovereignProfile {ProfileName} {field} {value}";

    public DataClass? FindClass(string name) => Policy.Spec.DataClasses.Find(c => c.Name == name);
}
