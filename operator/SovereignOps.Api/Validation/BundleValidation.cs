using SovereignOps.Api.Bundles;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Validation;

/// <summary>
/// Validates bundle files end to end, as <c>sovereignctl validate</c> does: load every file, then — only
/// when all of them loaded — run the semantic rules. Semantic rules on a partly loaded bundle would report
/// the missing objects again as dangling references, so one mistake would read as several.
/// </summary>
public static class BundleValidation
{
    public static ValidationReport ValidatePaths(IEnumerable<string> paths, YamlLimits? limits = null) =>
        Validate(BundleLoader.Load(paths, limits));

    public static ValidationReport ValidateText(string text, string sourceName) =>
        Validate(BundleLoader.LoadText(text, sourceName));

    public static ValidationReport Validate(BundleLoadResult loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var errors = loaded.Bundle is { } bundle ? BundleValidator.Validate(bundle) : loaded.Errors;
        return new ValidationReport(errors, loaded.DocumentsByKind, loaded.Files, loaded.Bundle);
    }
}
