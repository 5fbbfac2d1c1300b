using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SovereignOps.Api.Validation;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// <c>sovereignctl validate PATH...</c>: loads bundle files and folders (recursively), checks them against
/// the CRD schemas and the semantic rules the operator applies, and prints every error. Exit 0 when valid,
/// 1 when not, 2 for a usage error such as a path that does not exist.
/// </summary>
public sealed class ValidateCommand(IAnsiConsole console) : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("Bundle files or folders; folders are searched recursively for *.yaml, *.yml and *.json.")]
        public string[] Paths { get; init; } = [];

        [CommandOption("-o|--output <FORMAT>")]
        [Description("text (default): one file:line: field.path: message per error and a summary. json: one document for machines.")]
        [DefaultValue("text")]
        public string Output { get; init; } = "text";

        public override ValidationResult Validate() =>
            Output is "text" or "json"
                ? ValidationResult.Success()
                : ValidationResult.Error($"--output must be text or json, not \"{Output}\"");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var writer = console.Profile.Out.Writer;
        var missing = settings.Paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            foreach (var path in missing)
            {
                writer.WriteLine($"error: no such file or folder: {path}");
            }

            writer.Flush();
            return CliApp.ExitUsage;
        }

        var report = BundleValidation.ValidatePaths(settings.Paths);
        if (settings.Output == "json")
        {
            ValidationOutput.WriteJson(writer, report);
        }
        else
        {
            ValidationOutput.WriteText(writer, report);
        }

        writer.Flush();
        return report.Valid ? CliApp.ExitOk : CliApp.ExitInvalid;
    }
}
