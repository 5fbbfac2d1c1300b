using k8s.Models;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Presets;

/// <summary>
/// Engineering defaults for one jurisdiction: its residency policy and what a customer profile there usually
/// needs (regions, languages, the government domain the registry mirror lives under). Pure data, no I/O.
/// Every preset needs legal review before use; the generated policy says so in its annotations.
/// </summary>
public sealed class CountryPreset
{
    private readonly Func<IReadOnlyList<PresetRegion>, DataResidencyPolicySpec> _policy;

    /// <param name="policy">Builds a fresh policy spec from the preset's regions; called on every use, so callers may mutate the result.</param>
    public CountryPreset(Func<IReadOnlyList<PresetRegion>, DataResidencyPolicySpec> policy)
    {
        _policy = policy;
    }

    /// <summary>Code of the jurisdiction (ISO 3166-1 alpha-2; <c>EU</c> is the code ISO reserves for the European Union).</summary>
    public required string Code { get; init; }

    /// <summary>Name of the jurisdiction, e.g. Kingdom of Saudi Arabia.</summary>
    public required string Name { get; init; }

    /// <summary>Lower-case DNS label used in generated names, e.g. <c>saudi-arabia</c>.</summary>
    public required string Slug { get; init; }

    /// <summary>In-country regions, the first one being where defaults are placed.</summary>
    public required IReadOnlyList<PresetRegion> Regions { get; init; }

    /// <summary>BCP 47 tags of the languages models and agents are expected to serve.</summary>
    public required IReadOnlyList<string> Languages { get; init; }

    /// <summary>The government's DNS domain; a customer's registry mirror defaults to <c>registry.&lt;customer&gt;.&lt;domain&gt;</c>.</summary>
    public required string GovernmentDomain { get; init; }

    /// <summary>The data class generated models and agents handle when nothing else is said: the usual case for a citizen-facing service.</summary>
    public required string WorkloadDataClass { get; init; }

    /// <summary>Whether a customer's cluster is assumed to have no route to the internet.</summary>
    public bool AirGapped { get; init; }

    /// <summary>Name of the DataResidencyPolicy generated from the preset, e.g. <c>thailand-residency</c>.</summary>
    public string PolicyName => $"{Slug}-residency";

    public PresetRegion? FindRegion(string name) =>
        Regions.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <summary>A new policy spec; each call returns an independent object.</summary>
    public DataResidencyPolicySpec CreatePolicySpec() => _policy(Regions);

    /// <summary>The preset as a DataResidencyPolicy resource, annotated as needing legal review.</summary>
    public DataResidencyPolicy CreatePolicy() => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = PolicyName,
            Annotations = new Dictionary<string, string>
            {
                [LegalReview.AnnotationKey] = LegalReview.Required,
                [LegalReview.NoteAnnotationKey] = LegalReview.Statement,
                [LegalReview.PresetAnnotationKey] = Code,
            },
        },
        Spec = CreatePolicySpec(),
    };
}
