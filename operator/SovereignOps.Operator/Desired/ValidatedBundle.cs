using k8s;
using k8s.Models;
using SovereignOps.Api.Bundles;
using SovereignOps.Api.Validation;

namespace SovereignOps.Operator.Desired;

/// <summary>
/// The cluster's bundle split into what may be deployed and what may not. The CLI refuses a bundle
/// with any error; an operator cannot hold every customer hostage to one bad object, so objects with
/// errors are set aside and the rest validated again, until what is left is valid. Setting an object
/// aside can make its dependents invalid (a model whose profile was set aside has no tenant), which
/// the next round reports in the dependents' own words.
/// </summary>
public sealed class ValidatedBundle
{
    private readonly Dictionary<string, List<ValidationError>> _errors;

    private ValidatedBundle(Bundle valid, Dictionary<string, List<ValidationError>> errors)
    {
        Valid = valid;
        _errors = errors;
    }

    /// <summary>Every object that passed validation, with every object it depends on.</summary>
    public Bundle Valid { get; }

    /// <summary>The errors that set the object aside; empty when it is valid.</summary>
    public IReadOnlyList<ValidationError> ErrorsOf(IKubernetesObject<V1ObjectMeta> resource) =>
        _errors.TryGetValue(BundleIndex.Describe(resource), out var errors) ? errors : [];

    public static ValidatedBundle From(Bundle bundle)
    {
        var errors = new Dictionary<string, List<ValidationError>>(StringComparer.Ordinal);
        var current = bundle;
        while (true)
        {
            var found = BundleValidator.Validate(current);
            if (found.Count == 0)
            {
                return new ValidatedBundle(current, errors);
            }

            foreach (var error in found)
            {
                if (!errors.TryGetValue(error.File, out var list))
                {
                    errors[error.File] = list = [];
                }

                list.Add(error);
            }

            var remaining = Without(current, errors);
            if (remaining.Objects.Count() == current.Objects.Count())
            {
                // An error no object could be blamed for: nothing can be trusted, deploy nothing.
                return new ValidatedBundle(new Bundle { Nodes = bundle.Nodes }, errors);
            }

            current = remaining;
        }
    }

    private static Bundle Without(Bundle bundle, Dictionary<string, List<ValidationError>> errors)
    {
        bool Keep(IKubernetesObject<V1ObjectMeta> o) => !errors.ContainsKey(BundleIndex.Describe(o));
        return new Bundle
        {
            Policies = [.. bundle.Policies.Where(Keep)],
            Profiles = [.. bundle.Profiles.Where(Keep)],
            Pools = [.. bundle.Pools.Where(Keep)],
            Models = [.. bundle.Models.Where(Keep)],
            Catalogs = [.. bundle.Catalogs.Where(Keep)],
            Nodes = bundle.Nodes,
            Namespaces = bundle.Namespaces,
        };
    }
}
