using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// <c>sovereignctl status [-n NS] [PROFILE] [-o tree|json]</c>: each customer as a tree of its policy,
/// GPU pools (capacity, allocated, free), models (Ready, replicas, GPUs, regions, and the reason when
/// not ready) and agents. Exit 0 when everything shown is Ready, 1 when something is not (or the
/// cluster could not be read), 2 for a usage error.
/// </summary>
public sealed class StatusCommand(IAnsiConsole console) : AsyncCommand<StatusCommand.Settings>
{
    public sealed class Settings : KubeSettings
    {
        [CommandArgument(0, "[PROFILE]")]
        [Description("Show only this SovereignProfile.")]
        public string? Profile { get; init; }

        [CommandOption("-n|--namespace <NS>")]
        [Description("Show only the profile whose tenant namespace this is.")]
        public string? Namespace { get; init; }

        [CommandOption("-o|--output <FORMAT>")]
        [Description("tree (default): readable in a terminal. json: one document for machines.")]
        [DefaultValue("tree")]
        public string Output { get; init; } = "tree";

        public override ValidationResult Validate() =>
            Output is "tree" or "json"
                ? ValidationResult.Success()
                : ValidationResult.Error($"--output must be tree or json, not \"{Output}\"");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var writer = console.Profile.Out.Writer;
        try
        {
            var (api, error) = KubeConnection.Open(settings);
            if (api is null)
            {
                writer.WriteLine($"error: {error}");
                return CliApp.ExitUsage;
            }

            using (api)
            {
                var report = await StatusReport.ReadAsync(api, settings.Profile, settings.Namespace, cancellationToken);
                if (!report.IsSuccess)
                {
                    writer.WriteLine($"error: reading the custom resources: {report.Error}");
                    return CliApp.ExitInvalid;
                }

                var profiles = report.Value;
                if (settings.Output == "json")
                {
                    StatusJson.Write(writer, profiles);
                }
                else if (profiles.Count == 0)
                {
                    writer.WriteLine(settings.Profile is null ? "no SovereignProfiles found" : $"SovereignProfile {settings.Profile} not found");
                }
                else
                {
                    StatusTree.Write(writer, profiles);
                }

                return profiles.Count > 0 && profiles.All(p => p.AllReady) ? CliApp.ExitOk : CliApp.ExitInvalid;
            }
        }
        finally
        {
            writer.Flush();
        }
    }
}
