using System.ComponentModel;
using System.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using SovereignOps.Api.Presets;
using SovereignOps.Api.Profiles;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// <c>sovereignctl profile init</c>: writes a complete country bundle from a preset. The bundle is generated
/// in memory first, so a bad option or an existing file stops the command before anything is written.
/// </summary>
public sealed class ProfileInitCommand(IAnsiConsole console) : Command<ProfileInitCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--country <CC>")]
        [Description("Country preset: TH, SA, KR, EU or AE.")]
        public string? Country { get; init; }

        [CommandOption("--customer <NAME>")]
        [Description("The government customer, e.g. \"Ministry of Digital Economy and Society\".")]
        public string? Customer { get; init; }

        [CommandOption("-o|--out <DIR>")]
        [Description("Folder to write the bundle into; created when missing.")]
        public string? Out { get; init; }

        [CommandOption("--gpu <SPEC>")]
        [Description("A GPU pool as MODEL:COUNT[[:REGION[[:MIG-PROFILE]]]], e.g. H100-80GB:16 or H100-80GB:8:th-north:3g.40gb. Repeatable. Default: H100-80GB:16 in the first region.")]
        public string[] Gpus { get; init; } = [];

        [CommandOption("--model <SPEC>")]
        [Description("A model as NAME:PARAMS_B:PRECISION[[:MODALITIES]], modalities joined with '+', e.g. typhoon:70:bf16. Repeatable. Default: one text model sized to the first pool.")]
        public string[] Models { get; init; } = [];

        [CommandOption("--mirror <HOST>")]
        [Description("In-country registry mirror. Default: registry.<customer>.<government domain>.")]
        public string? Mirror { get; init; }

        [CommandOption("--namespace <NS>")]
        [Description("Tenant namespace. Default: the profile name, e.g. th-mdes.")]
        public string? Namespace { get; init; }

        [CommandOption("--force")]
        [Description("Overwrite files that already exist.")]
        public bool Force { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Country))
            {
                return ValidationResult.Error($"--country is required; presets: {CountryPresets.Codes}");
            }

            if (string.IsNullOrWhiteSpace(Customer))
            {
                return ValidationResult.Error("--customer is required");
            }

            return string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out is required") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var gpus = settings.Gpus.Select(GpuRequest.Parse).ToList();
        var models = settings.Models.Select(ModelRequest.Parse).ToList();
        var optionErrors = gpus.Where(g => !g.Succeeded).Select(g => g.Error!)
            .Concat(models.Where(m => !m.Succeeded).Select(m => m.Error!))
            .ToList();
        if (optionErrors.Count > 0)
        {
            return Fail(optionErrors, CliApp.ExitUsage);
        }

        var generation = ProfileGenerator.Generate(new ProfileRequest
        {
            Country = settings.Country!,
            Customer = settings.Customer!,
            Namespace = settings.Namespace,
            Mirror = settings.Mirror,
            Gpus = gpus.Select(g => g.Value!).ToList(),
            Models = models.Select(m => m.Value!).ToList(),
        });
        if (!generation.Succeeded)
        {
            return Fail(generation.Errors, CliApp.ExitUsage);
        }

        var targets = generation.Files.Select(f => (File: f, Path: Path.Combine(settings.Out!, f.RelativePath))).ToList();
        var existing = targets.Where(t => Path.Exists(t.Path)).Select(t => $"{t.Path} already exists; use --force to overwrite it").ToList();
        if (existing.Count > 0 && !settings.Force)
        {
            return Fail(existing, CliApp.ExitInvalid);
        }

        try
        {
            Directory.CreateDirectory(settings.Out!);
            foreach (var (file, path) in targets)
            {
                File.WriteAllText(path, file.Content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                console.MarkupLine($"wrote [green]{Markup.Escape(path)}[/]");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail([ex.Message], CliApp.ExitInvalid);
        }

        foreach (var warning in generation.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }

        var bundle = generation.Bundle!;
        console.MarkupLine(
            $"{Markup.Escape(bundle.Profiles[0].Spec.Customer)}: {bundle.Pools.Count} pool(s), {bundle.Nodes.Count} node(s), {bundle.Pools.Sum(p => p.Spec.NodeCount * p.Spec.Gpu.PerNode)} GPU(s), {bundle.Models.Count} model(s).");
        console.MarkupLine($"[yellow]{Markup.Escape(LegalReview.Statement)}[/]");
        console.MarkupLine($"Next: sovereignctl validate {Markup.Escape(settings.Out!)} && sovereignctl plan {Markup.Escape(settings.Out!)}");
        return CliApp.ExitOk;
    }

    private int Fail(IEnumerable<string> errors, int exitCode)
    {
        foreach (var error in errors)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(error)}");
        }

        return exitCode;
    }
}
