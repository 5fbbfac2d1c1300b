using SovereignOps.Api.Bundles;

namespace SovereignOps.Api.Validation;

/// <summary>The outcome of validating a set of files: loading (YAML, kinds, schemas) and then the semantic rules.</summary>
/// <param name="Errors">Every error, in source order; empty when the bundle is valid.</param>
/// <param name="Objects">Documents read per kind.</param>
/// <param name="Files">Files read.</param>
/// <param name="Bundle">The loaded bundle, when every file loaded (even if semantic rules then failed).</param>
public sealed record ValidationReport(IReadOnlyList<ValidationError> Errors, IReadOnlyDictionary<string, int> Objects, int Files, Bundle? Bundle)
{
    public bool Valid => Errors.Count == 0 && Bundle is not null;

    /// <summary>Files with at least one error.</summary>
    public int FilesWithErrors => Errors.Select(e => e.File).Distinct(StringComparer.Ordinal).Count();
}
