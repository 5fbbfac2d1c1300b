using SovereignOps.Api.Validation;

namespace SovereignOps.Api.Bundles;

/// <summary>
/// Expands the paths a user gives into the files of a bundle: a file is taken as named, whatever its
/// extension; a folder contributes every <c>*.yaml</c>, <c>*.yml</c> and <c>*.json</c> file below it, in
/// ordinal path order so results are stable. Hidden entries and symbolic links inside folders are skipped
/// (links could loop); a file reached twice is read once.
/// </summary>
public static class BundleFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    private static readonly EnumerationOptions FolderWalk = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
        IgnoreInaccessible = false,
        MatchType = MatchType.Simple,
    };

    /// <summary>The files to read, each with the name errors will show (the path as given, with forward slashes).</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(errors);
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                Add(path);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in FilesUnder(path, errors))
                {
                    Add(file);
                }
            }
            else
            {
                errors.Add(new ValidationError(Display(path), 0, null, FieldPath: string.Empty, "no such file or folder"));
            }
        }

        return files;

        void Add(string file)
        {
            if (seen.Add(Path.GetFullPath(file)))
            {
                files.Add(Display(file));
            }
        }
    }

    /// <summary>True when a folder walk picks up <paramref name="file"/>.</summary>
    public static bool IsBundleFile(string file) =>
        Extensions.Any(extension => file.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> FilesUnder(string folder, List<ValidationError> errors)
    {
        try
        {
            return Directory.EnumerateFiles(folder, "*", FolderWalk)
                .Where(IsBundleFile)
                .Select(file => Display(file))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ValidationError(Display(folder), 0, null, string.Empty, $"cannot read the folder: {exception.Message}"));
            return [];
        }
    }

    private static string Display(string path) => path.Replace('\\', '/');
}
