using SovereignOps.Api.Bundles;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// Loads the bundle a command was given, printing what stops it: a path that does not exist (a usage
/// error, exit 2) or files that do not load (exit 1, one <c>file:line: field.path: message</c> per error).
/// </summary>
public static class BundleInput
{
    public static (Bundle? Bundle, int ExitCode) Load(IReadOnlyList<string> paths, TextWriter writer)
    {
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            foreach (var path in missing)
            {
                writer.WriteLine($"error: no such file or folder: {path}");
            }

            return (null, CliApp.ExitUsage);
        }

        var loaded = BundleLoader.Load(paths);
        if (loaded.Bundle is null)
        {
            foreach (var error in loaded.Errors)
            {
                writer.WriteLine(error.ToString());
            }

            var count = loaded.Errors.Count == 1 ? "1 error" : $"{loaded.Errors.Count} errors";
            writer.WriteLine($"invalid: {count} loading the bundle");
            return (null, CliApp.ExitInvalid);
        }

        return (loaded.Bundle, CliApp.ExitOk);
    }
}
