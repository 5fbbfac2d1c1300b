using SovereignOps.Api.Validation;

namespace SovereignOps.Api.Bundles;

/// <summary>
/// What loading a set of files produced. Nothing is half-loaded: <see cref="Bundle"/> holds every object
/// only when no file had an error; otherwise it is null and <see cref="Errors"/> lists every error of every file.
/// </summary>
public sealed class BundleLoadResult
{
    internal BundleLoadResult(Bundle? bundle, IReadOnlyList<ValidationError> errors, IReadOnlyDictionary<string, int> documentsByKind, int files)
    {
        Bundle = bundle;
        Errors = errors;
        DocumentsByKind = documentsByKind;
        Files = files;
    }

    public Bundle? Bundle { get; }

    /// <summary>Every error, in source order (file, line).</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>Documents read per kind (supported kinds only), whether or not they loaded cleanly.</summary>
    public IReadOnlyDictionary<string, int> DocumentsByKind { get; }

    /// <summary>Files read.</summary>
    public int Files { get; }

    public bool Succeeded => Bundle is not null;
}
