using k8s;
using k8s.Models;

namespace SovereignOps.Planning.Guard;

/// <summary>The object a violation is about: kind, namespace (empty for cluster-scoped) and name.</summary>
public sealed record ObjectRef(string Kind, string Namespace, string Name)
{
    public static ObjectRef Of(IKubernetesObject<V1ObjectMeta> resource) =>
        new(resource.Kind ?? string.Empty, resource.Metadata?.NamespaceProperty ?? string.Empty, resource.Metadata?.Name ?? string.Empty);

    public override string ToString() => Namespace.Length > 0 ? $"{Kind} {Namespace}/{Name}" : $"{Kind} {Name}";
}

/// <summary>
/// One broken residency invariant: which object, which field, which rule, and the clause of the
/// policy or profile the rule enforces.
/// </summary>
/// <param name="Object">The offending object.</param>
/// <param name="FieldPath">Path to the offending field, e.g. <c>spec.template.spec.containers[0].image</c>.</param>
/// <param name="Rule">Stable rule id from <see cref="GuardRules"/>.</param>
/// <param name="Clause">The clause enforced, e.g. <c>DataResidencyPolicy th-pdpa spec.regions.allowed [th-central]</c>.</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record Violation(ObjectRef Object, string FieldPath, string Rule, string Clause, string Message)
{
    public override string ToString() => $"{Object} {FieldPath}: {Message} [{Rule}; {Clause}]";
}
