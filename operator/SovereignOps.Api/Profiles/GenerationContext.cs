using SovereignOps.Api.Presets;

namespace SovereignOps.Api.Profiles;

/// <summary>The resolved names a generation works with.</summary>
internal sealed record GenerationContext(
    CountryPreset Preset,
    string Customer,
    string Slug,
    string ProfileName,
    string Namespace,
    string Mirror,
    IReadOnlyList<PoolDesign> Pools);
