using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SovereignOps.Rendering;
using SovereignOps.Rendering.Pipeline;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// <c>sovereignctl render PATH... --out DIR</c>: the exact objects the operator would apply, one file
/// per object, after validation, planning, helm and the residency guard. A rerun on the same input
/// writes the same bytes. Exit 1, writing nothing, when any stage fails; 2 for a usage error.
/// </summary>
public sealed class RenderCommand(IAnsiConsole console) : AsyncCommand<RenderCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("Bundle files or folders; folders are searched recursively for *.yaml, *.yml and *.json.")]
        public string[] Paths { get; init; } = [];

        [CommandOption("--out <DIR>")]
        [Description("Folder to write DIR/<profile>/<namespace>/<kind>-<name>.yaml into; each profile's folder is replaced whole.")]
        public string? Out { get; init; }

        [CommandOption("--helm <PATH>")]
        [Description("helm binary; default: SOVEREIGNOPS_HELM, the pinned .tools/bin/helm, then PATH.")]
        public string? Helm { get; init; }

        [CommandOption("--charts <DIR>")]
        [Description("Folder holding the workload charts; default: SOVEREIGNOPS_CHARTS, then the charts folder above sovereignctl.")]
        public string? Charts { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out DIR is required") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var writer = console.Profile.Out.Writer;
        try
        {
            var (bundle, exitCode) = BundleInput.Load(settings.Paths, writer);
            if (bundle is null)
            {
                return exitCode;
            }

            var pipeline = new RenderPipeline(new HelmRenderer(new HelmRendererOptions { HelmPath = settings.Helm, ChartsRoot = settings.Charts }));
            var result = await pipeline.RunAsync(bundle, cancellationToken);
            if (!result.Succeeded)
            {
                foreach (var reason in result.Reasons())
                {
                    writer.WriteLine(reason);
                }

                writer.WriteLine($"render failed at {Stage(result.FailedStage!.Value)}; nothing was written");
                return CliApp.ExitInvalid;
            }

            var folders = ManifestFiles.Write(settings.Out!, result.Manifests);
            foreach (var (manifest, folder) in result.Manifests.Zip(folders))
            {
                writer.WriteLine($"profile {manifest.Profile}: {manifest.Objects.Count} objects written to {folder}");
            }

            return CliApp.ExitOk;
        }
        finally
        {
            writer.Flush();
        }
    }

    private static string Stage(PipelineStage stage) => stage switch
    {
        PipelineStage.Validation => "validation",
        PipelineStage.Plan => "planning",
        PipelineStage.Render => "rendering",
        _ => "the residency guard",
    };
}
