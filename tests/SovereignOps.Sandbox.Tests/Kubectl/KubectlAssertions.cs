using CliWrap.Buffered;

namespace SovereignOps.Sandbox.Tests.Kubectl;

internal static class KubectlAssertions
{
    /// <summary>Asserts a zero exit code, showing the tool's output when it is not.</summary>
    public static string Succeeded(this BufferedCommandResult result)
    {
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\nstdout: {result.StandardOutput}\nstderr: {result.StandardError}");
        return result.StandardOutput;
    }

    /// <summary>The lines of a table output, split into whitespace-separated columns.</summary>
    public static List<string[]> Rows(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))];
}
