using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using SovereignOps.Api.Crds;
using SovereignOps.Rendering;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// <c>sovereignctl upgrade check [--to-chart DIR|VERSION] [--mirror-index FILE]</c>: the SRE's
/// pre-flight before upgrading the operator or the cluster. Every check prints PASS, WARN or FAIL with
/// its reason. Exit 0 when nothing failed (warnings allowed), 1 on any FAIL, 2 for a usage error.
/// </summary>
public sealed class UpgradeCheckCommand(IAnsiConsole console) : AsyncCommand<UpgradeCheckCommand.Settings>
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public sealed class Settings : KubeSettings
    {
        [CommandOption("--to-chart <DIR|VERSION>")]
        [Description("The operator chart to upgrade to: a chart folder, or a version; default: the chart shipped with sovereignctl.")]
        public string? ToChart { get; init; }

        [CommandOption("--mirror-index <FILE>")]
        [Description("Images present in the in-country registry, one reference per line (# comments allowed).")]
        public string? MirrorIndex { get; init; }

        [CommandOption("--helm <PATH>")]
        [Description("helm binary used to render the workloads whose images are checked; default as for render.")]
        public string? Helm { get; init; }

        [CommandOption("--charts <DIR>")]
        [Description("Folder holding the charts; default: SOVEREIGNOPS_CHARTS, then the charts folder above sovereignctl.")]
        public string? Charts { get; init; }

        [CommandOption("-o|--output <FORMAT>")]
        [Description("text (default): one line per check. json: one document for machines.")]
        [DefaultValue("text")]
        public string Output { get; init; } = "text";

        public override ValidationResult Validate()
        {
            if (Output is not ("text" or "json"))
            {
                return ValidationResult.Error($"--output must be text or json, not \"{Output}\"");
            }

            return MirrorIndex is not null && !File.Exists(MirrorIndex)
                ? ValidationResult.Error($"--mirror-index {MirrorIndex} does not exist")
                : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var writer = console.Profile.Out.Writer;
        try
        {
            var (target, targetError) = UpgradeCheckTarget.Resolve(settings.ToChart, settings.Charts);
            if (target is null)
            {
                writer.WriteLine($"error: {targetError}");
                return CliApp.ExitUsage;
            }

            var (api, error) = KubeConnection.Open(settings);
            if (api is null)
            {
                writer.WriteLine($"error: {error}");
                return CliApp.ExitUsage;
            }

            using (api)
            {
                var cluster = await UpgradeCheckCluster.ReadAsync(api, cancellationToken);
                if (!cluster.IsSuccess)
                {
                    writer.WriteLine($"error: reading the cluster: {cluster.Error}");
                    return CliApp.ExitInvalid;
                }

                var results = await RunAsync(cluster.Value, target, settings, cancellationToken);
                Write(writer, results, target, settings.Output == "json");
                return results.Any(r => r.Status == CheckStatus.Fail) ? CliApp.ExitInvalid : CliApp.ExitOk;
            }
        }
        finally
        {
            writer.Flush();
        }
    }

    private static async Task<List<CheckResult>> RunAsync(UpgradeCheckCluster cluster, UpgradeCheckTarget target, Settings settings, CancellationToken cancellationToken)
    {
        var targetCrds = CrdGenerator.GenerateAll();
        var results = new List<CheckResult> { UpgradeCheckServerVersion.Run(cluster.Version) };
        results.AddRange(UpgradeCheckCrds.Run(cluster.Crds, targetCrds, target.OperatorVersion));
        results.AddRange(UpgradeCheckOperatorSkew.Run(cluster.OperatorDeployments, target.OperatorVersion));
        if (ReleaseVersion.TryParse(KubeConnection.Version) is { } own && own.CompareTo(target.OperatorVersion) != 0)
        {
            results.Add(CheckResult.Warn(UpgradeCheckCrds.Name, "sovereignctl",
                $"sovereignctl {own} checks with its own CRD schemas; run sovereignctl {target.OperatorVersion} for the target's exact schemas"));
        }

        var index = settings.MirrorIndex is null ? null : UpgradeCheckMirrorIndex.Read(settings.MirrorIndex);
        var helm = new HelmRendererOptions { HelmPath = settings.Helm, ChartsRoot = settings.Charts };
        var (images, problem) = await UpgradeCheckImages.RequiredAsync(cluster.Bundle, target.OperatorImage, helm, cancellationToken);
        results.AddRange(UpgradeCheckImages.Run(images, problem, index, settings.MirrorIndex));
        results.AddRange(UpgradeCheckHeadroom.Run(cluster.Bundle));
        results.AddRange(UpgradeCheckDisruptionBudgets.Run(cluster.DisruptionBudgets, cluster.Pods));
        results.AddRange(UpgradeCheckDeprecatedFields.Run(cluster.RawCustomResources, targetCrds));
        return results;
    }

    private static void Write(TextWriter writer, List<CheckResult> results, UpgradeCheckTarget target, bool json)
    {
        var (passed, warned, failed) = (Count(results, CheckStatus.Pass), Count(results, CheckStatus.Warn), Count(results, CheckStatus.Fail));
        if (json)
        {
            var document = new
            {
                target = new { chartVersion = target.ChartVersion.ToString(), operatorVersion = target.OperatorVersion.ToString(), image = target.OperatorImage, source = target.Source },
                passed = failed == 0,
                checks = results.Select(r => new { check = r.Check, subject = r.Subject, status = r.Word, reason = r.Reason }),
            };
            writer.WriteLine(JsonSerializer.Serialize(document, Json));
            return;
        }

        writer.WriteLine($"upgrade check: target operator {target.OperatorVersion} (chart {target.ChartVersion}, {target.Source})");
        var width = results.Max(r => r.Check.Length);
        foreach (var result in results)
        {
            writer.WriteLine($"{result.Word}  {result.Check.PadRight(width)}  {result.Subject}: {result.Reason}");
        }

        writer.WriteLine($"{passed} passed, {warned} warnings, {failed} failed");
    }

    private static int Count(List<CheckResult> results, CheckStatus status) => results.Count(r => r.Status == status);
}
