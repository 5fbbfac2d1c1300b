using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace SovereignOps.Rendering.Helm;

/// <summary>Runs helm through CliWrap: arguments are passed as a list (no shell, no quoting), output is buffered.</summary>
public sealed class CliWrapHelmProcessRunner : IHelmProcessRunner
{
    public async Task<HelmProcessResult> RunAsync(string helmPath, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await Cli.Wrap(helmPath)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8, Encoding.UTF8, cancellationToken);
        return new HelmProcessResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
