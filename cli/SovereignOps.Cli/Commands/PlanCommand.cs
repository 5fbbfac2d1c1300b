using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SovereignOps.Api.Validation;
using SovereignOps.Planning;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// <c>sovereignctl plan PATH... [-o table|json]</c>: does every model fit its GPU pool, where does it
/// run, what is left, which model does each agent call, and is the plan residency compliant. Exit 0
/// when everything fits and complies, 1 when not (or the bundle is invalid), 2 for a usage error.
/// </summary>
public sealed class PlanCommand(IAnsiConsole console) : Command<PlanCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("Bundle files or folders; folders are searched recursively for *.yaml, *.yml and *.json.")]
        public string[] Paths { get; init; } = [];

        [CommandOption("-o|--output <FORMAT>")]
        [Description("table (default): a report per profile. json: one document for machines.")]
        [DefaultValue("table")]
        public string Output { get; init; } = "table";

        public override ValidationResult Validate() =>
            Output is "table" or "json"
                ? ValidationResult.Success()
                : ValidationResult.Error($"--output must be table or json, not \"{Output}\"");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var writer = console.Profile.Out.Writer;
        try
        {
            var (bundle, exitCode) = BundleInput.Load(settings.Paths, writer);
            if (bundle is null)
            {
                return exitCode;
            }

            var errors = BundleValidator.Validate(bundle);
            if (errors.Count > 0)
            {
                ValidationOutput.WriteText(writer, new ValidationReport(errors, new Dictionary<string, int>(), 0, bundle));
                return CliApp.ExitInvalid;
            }

            var plan = BundlePlanner.Plan(bundle);
            if (settings.Output == "json")
            {
                PlanJson.Write(writer, plan);
            }
            else
            {
                PlanText.Write(writer, plan);
            }

            return plan.Succeeded ? CliApp.ExitOk : CliApp.ExitInvalid;
        }
        finally
        {
            writer.Flush();
        }
    }
}
