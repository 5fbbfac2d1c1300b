using SovereignOps.Api.Bundles;

namespace SovereignOps.Api.Profiles;

/// <summary>One file of a generated bundle: its path relative to the output folder and its YAML text.</summary>
public sealed record BundleFile(string RelativePath, string Content);

/// <summary>
/// The result of generating a profile: the files and the typed bundle they hold, or the errors in the request.
/// Warnings (a model that may not fit, for instance) do not stop generation.
/// </summary>
public sealed class ProfileGeneration
{
    private ProfileGeneration(IReadOnlyList<string> errors, IReadOnlyList<string> warnings, Bundle? bundle, IReadOnlyList<BundleFile> files)
    {
        Errors = errors;
        Warnings = warnings;
        Bundle = bundle;
        Files = files;
    }

    public IReadOnlyList<string> Errors { get; }

    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The generated objects, typed; null when the request had errors.</summary>
    public Bundle? Bundle { get; }

    /// <summary>Files in the order they should be applied; empty when the request had errors.</summary>
    public IReadOnlyList<BundleFile> Files { get; }

    public bool Succeeded => Errors.Count == 0;

    internal static ProfileGeneration Failed(IReadOnlyList<string> errors) => new(errors, [], null, []);

    internal static ProfileGeneration Generated(Bundle bundle, IReadOnlyList<BundleFile> files, IReadOnlyList<string> warnings) =>
        new([], warnings, bundle, files);
}
