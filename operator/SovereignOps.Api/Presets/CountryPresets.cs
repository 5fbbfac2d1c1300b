namespace SovereignOps.Api.Presets;

/// <summary>
/// The country presets shipped with SovereignOps: TH, SA and KR, plus EU and AE as contrast. Each is an
/// engineering default that needs legal review before a customer relies on it.
/// </summary>
public static class CountryPresets
{
    public static CountryPreset Thailand { get; } = ThailandPreset.Create();

    public static CountryPreset SaudiArabia { get; } = SaudiArabiaPreset.Create();

    public static CountryPreset Korea { get; } = KoreaPreset.Create();

    public static CountryPreset EuropeanUnion { get; } = EuropeanUnionPreset.Create();

    public static CountryPreset UnitedArabEmirates { get; } = UnitedArabEmiratesPreset.Create();

    public static IReadOnlyList<CountryPreset> All { get; } = [Thailand, SaudiArabia, Korea, EuropeanUnion, UnitedArabEmirates];

    /// <summary>The preset codes, e.g. for an error message: <c>TH, SA, KR, EU, AE</c>.</summary>
    public static string Codes { get; } = string.Join(", ", All.Select(p => p.Code));

    /// <summary>The preset for a code, ignoring case; null when there is none.</summary>
    public static CountryPreset? Find(string? code) =>
        All.FirstOrDefault(p => string.Equals(p.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
