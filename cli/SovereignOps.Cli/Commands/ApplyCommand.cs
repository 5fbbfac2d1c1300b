using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// <c>sovereignctl apply PATH... [--dry-run]</c>: validates the bundle, then server-side applies its
/// custom resources and Namespaces with the field manager <c>sovereignctl</c>, one line per object:
/// created, configured or unchanged. Nothing is applied when validation fails. Exit 0 when every
/// object was applied, 1 when the bundle is invalid or an object was refused, 2 for a usage error.
/// </summary>
public sealed class ApplyCommand(IAnsiConsole console) : AsyncCommand<ApplyCommand.Settings>
{
    public sealed class Settings : KubeSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("Bundle files or folders; folders are searched recursively for *.yaml, *.yml and *.json.")]
        public string[] Paths { get; init; } = [];

        [CommandOption("--dry-run")]
        [Description("Ask the API server to run admission and apply without storing anything (dryRun=All).")]
        public bool DryRun { get; init; }

        [CommandOption("--force-conflicts")]
        [Description("Take over fields another field manager owns instead of failing on the conflict.")]
        public bool ForceConflicts { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var writer = console.Profile.Out.Writer;
        try
        {
            var (results, exitCode) = await ApplyPlan.RunAsync(settings.Paths, settings, settings.DryRun, settings.ForceConflicts, writer, cancellationToken);
            if (results is null)
            {
                return exitCode;
            }

            var suffix = settings.DryRun ? " (server dry run)" : string.Empty;
            foreach (var result in results)
            {
                writer.WriteLine(result.Outcome == ApplyOutcome.Failed
                    ? $"{result.Document.Display} failed: {result.Error}"
                    : $"{result.Document.Display} {Word(result.Outcome)}{suffix}");
            }

            var counts = results.GroupBy(r => r.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Word(g.Key)}");
            writer.WriteLine(string.Join(", ", counts) + suffix);
            return results.Any(r => r.Outcome == ApplyOutcome.Failed) ? CliApp.ExitInvalid : CliApp.ExitOk;
        }
        finally
        {
            writer.Flush();
        }
    }

    private static string Word(ApplyOutcome outcome) => outcome switch
    {
        ApplyOutcome.Created => "created",
        ApplyOutcome.Configured => "configured",
        ApplyOutcome.Unchanged => "unchanged",
        _ => "failed",
    };
}
