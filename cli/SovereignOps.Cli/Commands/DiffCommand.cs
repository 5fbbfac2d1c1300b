using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// <c>sovereignctl diff PATH...</c>: what <c>apply</c> would change, per object and per field, from
/// the server's own dry run of the apply compared with the live object (so defaults, admission and
/// field ownership are the server's, not a guess). Exit codes follow <c>kubectl diff</c>: 0 nothing
/// would change, 1 something would, 2 for an error (invalid bundle, usage, unreachable cluster).
/// </summary>
public sealed class DiffCommand(IAnsiConsole console) : AsyncCommand<DiffCommand.Settings>
{
    public const int ExitDifferences = 1;
    public const int ExitError = 2;

    public sealed class Settings : KubeSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("Bundle files or folders; folders are searched recursively for *.yaml, *.yml and *.json.")]
        public string[] Paths { get; init; } = [];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var writer = console.Profile.Out.Writer;
        try
        {
            var (results, exitCode) = await ApplyPlan.RunAsync(settings.Paths, settings, dryRun: true, forceConflicts: false, writer, cancellationToken, ExitError, ExitError);
            if (results is null)
            {
                return exitCode;
            }

            var changed = 0;
            foreach (var result in results)
            {
                if (result.Outcome == ApplyOutcome.Failed)
                {
                    writer.WriteLine($"{result.Document.Display}: error: {result.Error}");
                    continue;
                }

                var fields = FieldDiff.Compare(result.Before, result.After);
                var verdict = result.Outcome switch
                {
                    ApplyOutcome.Created => "would be created",
                    ApplyOutcome.Unchanged => "unchanged",
                    _ => $"would change ({Plural(fields.Count, "field")})",
                };
                writer.WriteLine($"{result.Document.Display}: {verdict}");
                if (result.Outcome == ApplyOutcome.Unchanged)
                {
                    continue;
                }

                changed++;
                foreach (var field in fields)
                {
                    writer.WriteLine("  " + field);
                }
            }

            var failed = results.Count(r => r.Outcome == ApplyOutcome.Failed);
            writer.WriteLine($"{Plural(changed, "object")} would change, {results.Count - changed - failed} unchanged" + (failed > 0 ? $", {failed} failed" : string.Empty));
            return failed > 0 ? ExitError : changed > 0 ? ExitDifferences : CliApp.ExitOk;
        }
        finally
        {
            writer.Flush();
        }
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
