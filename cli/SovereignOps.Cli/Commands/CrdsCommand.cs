using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SovereignOps.Api.Crds;

namespace SovereignOps.Cli.Commands;

public sealed class CrdsCommand : Command<CrdsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-o|--out <DIR>")]
        [Description("Folder to write one YAML file per CRD into.")]
        public string Out { get; init; } = "crds";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        foreach (var path in CrdGenerator.WriteAll(settings.Out))
        {
            AnsiConsole.MarkupLine($"wrote [green]{Markup.Escape(path)}[/]");
        }

        return CliApp.ExitOk;
    }
}
