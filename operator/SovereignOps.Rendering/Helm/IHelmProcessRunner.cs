namespace SovereignOps.Rendering.Helm;

/// <summary>Runs one helm process to completion and returns what it printed.</summary>
public interface IHelmProcessRunner
{
    /// <summary>
    /// Runs <paramref name="helmPath"/> with <paramref name="arguments"/>. A non-zero exit code is a
    /// result, not an exception; cancellation kills the process and throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<HelmProcessResult> RunAsync(string helmPath, IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}

public sealed record HelmProcessResult(int ExitCode, string StandardOutput, string StandardError);
