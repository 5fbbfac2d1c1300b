using SovereignOps.Api.Validation;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// What apply and diff share: check the paths, validate the bundle exactly as <c>validate</c> does,
/// connect, then server-side apply every document in order (for real or as the server's dry run).
/// </summary>
public static class ApplyPlan
{
    /// <summary>The results in apply order, or the exit code and message that stopped the run first.</summary>
    public static async Task<(IReadOnlyList<ApplyResult>? Results, int ExitCode)> RunAsync(
        IReadOnlyList<string> paths, KubeSettings kube, bool dryRun, bool forceConflicts, TextWriter writer, CancellationToken cancellationToken, int usageExit = CliApp.ExitUsage, int invalidExit = CliApp.ExitInvalid)
    {
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        foreach (var path in missing)
        {
            writer.WriteLine($"error: no such file or folder: {path}");
        }

        if (missing.Count > 0 || paths.Count == 0)
        {
            return (null, usageExit);
        }

        var report = BundleValidation.ValidatePaths(paths);
        if (!report.Valid)
        {
            ValidationOutput.WriteText(writer, report);
            writer.WriteLine("nothing was applied");
            return (null, invalidExit);
        }

        var (api, error) = KubeConnection.Open(kube);
        if (api is null)
        {
            writer.WriteLine($"error: {error}");
            return (null, usageExit);
        }

        using (api)
        {
            var (documents, _) = ApplyDocuments.Read(paths);
            var results = new List<ApplyResult>(documents.Count);
            var createdNamespaces = new HashSet<string>(StringComparer.Ordinal);
            foreach (var document in documents)
            {
                var result = await ApplyRunner.ApplyAsync(api, document, dryRun, forceConflicts, cancellationToken);
                if (dryRun && result.Outcome == ApplyOutcome.Failed && document.Namespace is { } ns && createdNamespaces.Contains(ns))
                {
                    // The server cannot dry-run into a namespace that only this apply would create.
                    result = result with { Outcome = ApplyOutcome.Created, Error = null, After = document.Body };
                }

                if (document.Type.Kind == "Namespace" && result.Outcome == ApplyOutcome.Created)
                {
                    createdNamespaces.Add(document.Name);
                }

                results.Add(result);
            }

            return (results, CliApp.ExitOk);
        }
    }
}
