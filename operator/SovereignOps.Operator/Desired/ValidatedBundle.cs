using System.Globalization;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using SovereignOps.Api.Bundles;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Api.Validation;

namespace SovereignOps.Operator.Desired;

/// <summary>
/// The cluster's bundle split into what may be deployed and what may not. The CLI refuses a bundle
/// with any error; an operator cannot hold every customer hostage to one bad object, so objects with
/// errors are set aside and the rest validated again, until what is left is valid. Setting an object
/// aside can make its dependents invalid (a model whose profile was set aside has no tenant), which
/// the next round reports in the dependents' own words.
/// An error inside one entry of an agent catalog (<c>spec.agents[i]…</c>) sets aside that entry, not the
/// catalog: one vendor's mistake in one agent does not undeploy the vendor's other agents.
/// </summary>
public sealed class ValidatedBundle
{
    private static readonly Regex AgentEntryPath = new(@"^spec\.agents\[(\d+)\]", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private readonly Dictionary<string, List<ValidationError>> _errors;
    private readonly Dictionary<(string Catalog, string Entry), List<ValidationError>> _entryErrors;

    private ValidatedBundle(Bundle valid, Dictionary<string, List<ValidationError>> errors, Dictionary<(string, string), List<ValidationError>> entryErrors)
    {
        Valid = valid;
        _errors = errors;
        _entryErrors = entryErrors;
    }

    /// <summary>Every object that passed validation, with every object it depends on.</summary>
    public Bundle Valid { get; }

    /// <summary>The errors that set the object aside; empty when it is valid.</summary>
    public IReadOnlyList<ValidationError> ErrorsOf(IKubernetesObject<V1ObjectMeta> resource) =>
        _errors.TryGetValue(BundleIndex.Describe(resource), out var errors) ? errors : [];

    /// <summary>The errors that set one entry of a catalog aside (its paths point into the catalog as written).</summary>
    public IReadOnlyList<ValidationError> EntryErrorsOf(AgentCatalog catalog, string entry) =>
        _entryErrors.TryGetValue((BundleIndex.Describe(catalog), entry), out var errors) ? errors : [];

    public static ValidatedBundle From(Bundle bundle)
    {
        var errors = new Dictionary<string, List<ValidationError>>(StringComparer.Ordinal);
        var entryErrors = new Dictionary<(string, string), List<ValidationError>>();
        var catalogs = bundle.Catalogs.ToDictionary(BundleIndex.Describe, StringComparer.Ordinal);
        var current = bundle;
        while (true)
        {
            var found = BundleValidator.Validate(current);
            if (found.Count == 0)
            {
                return new ValidatedBundle(current, errors, entryErrors);
            }

            var entriesSetAside = false;
            foreach (var error in found)
            {
                if (EntryOf(current, error) is { } entry && !errors.ContainsKey(error.File))
                {
                    Add(entryErrors, (error.File, entry), AsWritten(error, catalogs[error.File], entry));
                    entriesSetAside = true;
                }
                else
                {
                    Add(errors, error.File, error);
                }
            }

            var remaining = Without(current, errors, catalogs, entryErrors);
            if (!entriesSetAside && remaining.Objects.Count() == current.Objects.Count())
            {
                // An error no object could be blamed for: nothing can be trusted, deploy nothing.
                return new ValidatedBundle(new Bundle { Nodes = bundle.Nodes }, errors, entryErrors);
            }

            current = remaining;
        }
    }

    /// <summary>The name of the catalog entry the error is inside, if it is inside one.</summary>
    private static string? EntryOf(Bundle bundle, ValidationError error)
    {
        var match = AgentEntryPath.Match(error.FieldPath);
        if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        var catalog = bundle.Catalogs.FirstOrDefault(c => BundleIndex.Describe(c) == error.File);
        return catalog is not null && index < catalog.Spec.Agents.Count ? catalog.Spec.Agents[index].Name : null;
    }

    /// <summary>The error with the entry's index in the catalog as written (later rounds see a catalog with entries already set aside).</summary>
    private static ValidationError AsWritten(ValidationError error, AgentCatalog original, string entry)
    {
        var index = original.Spec.Agents.FindIndex(e => e.Name == entry);
        return error with { FieldPath = AgentEntryPath.Replace(error.FieldPath, FormattableString.Invariant($"spec.agents[{index}]"), 1) };
    }

    private static void Add<TKey>(Dictionary<TKey, List<ValidationError>> errors, TKey key, ValidationError error)
        where TKey : notnull
    {
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }

        list.Add(error);
    }

    private static Bundle Without(Bundle bundle, Dictionary<string, List<ValidationError>> errors, Dictionary<string, AgentCatalog> originals, Dictionary<(string Catalog, string Entry), List<ValidationError>> entryErrors)
    {
        bool Keep(IKubernetesObject<V1ObjectMeta> o) => !errors.ContainsKey(BundleIndex.Describe(o));
        return new Bundle
        {
            Policies = [.. bundle.Policies.Where(Keep)],
            Profiles = [.. bundle.Profiles.Where(Keep)],
            Pools = [.. bundle.Pools.Where(Keep)],
            Models = [.. bundle.Models.Where(Keep)],
            Catalogs = [.. bundle.Catalogs.Where(Keep).Select(c => WithoutEntries(originals[BundleIndex.Describe(c)], entryErrors))],
            Nodes = bundle.Nodes,
            Namespaces = bundle.Namespaces,
        };
    }

    /// <summary>The catalog as written, less the entries set aside; the catalog itself when none is.</summary>
    private static AgentCatalog WithoutEntries(AgentCatalog catalog, Dictionary<(string Catalog, string Entry), List<ValidationError>> entryErrors)
    {
        var described = BundleIndex.Describe(catalog);
        if (!catalog.Spec.Agents.Any(e => entryErrors.ContainsKey((described, e.Name))))
        {
            return catalog;
        }

        return new AgentCatalog
        {
            ApiVersion = catalog.ApiVersion,
            Kind = catalog.Kind,
            Metadata = catalog.Metadata,
            Spec = new AgentCatalogSpec
            {
                Vendor = catalog.Spec.Vendor,
                Description = catalog.Spec.Description,
                Agents = [.. catalog.Spec.Agents.Where(e => !entryErrors.ContainsKey((described, e.Name)))],
            },
            Status = catalog.Status,
        };
    }
}
