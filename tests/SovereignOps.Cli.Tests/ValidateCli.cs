using Spectre.Console;

namespace SovereignOps.Cli.Tests;

/// <summary>Runs sovereignctl in process with a plain, colourless console and returns its exit code and output.</summary>
internal static class ValidateCli
{
    public static async Task<(int ExitCode, string Output)> Run(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        var exitCode = await CliApp.RunAsync(args, console);
        return (exitCode, writer.ToString());
    }
}
