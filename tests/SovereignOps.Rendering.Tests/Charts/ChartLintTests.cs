using CliWrap;
using CliWrap.Buffered;

namespace SovereignOps.Rendering.Tests.Charts;

/// <summary>Every chart passes <c>helm lint --strict</c> with its defaults and with each example in ci/.</summary>
public sealed class ChartLintTests
{
    [Theory]
    [MemberData(nameof(ChartCatalog.ChartsWithValues), MemberType = typeof(ChartCatalog))]
    public async Task Chart_passes_strict_lint(string chart, string ciValues)
    {
        var result = await LintAsync(chart, ciValues.Length == 0 ? null : Path.Combine(ChartCatalog.Directory(chart), "ci", ciValues));

        Assert.True(result.ExitCode == 0, $"helm lint --strict {chart} {ciValues} failed:\n{result.StandardOutput}\n{result.StandardError}");
        Assert.Contains("0 chart(s) failed", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_chart_ships_examples_for_lint()
    {
        foreach (var chart in ChartCatalog.Names)
        {
            Assert.NotEmpty(ChartCatalog.CiValues(chart));
            Assert.True(File.Exists(Path.Combine(ChartCatalog.Directory(chart), "values.schema.json")), $"{chart} has no values.schema.json");
        }
    }

    [Theory]
    [InlineData("sovereign-model", "replicaz: 2")]
    [InlineData("sovereign-model", "runtime:\n  engine: sglang")]
    [InlineData("sovereign-model", "runtime:\n  engine: tgi\nparallelism:\n  pipelineParallelSize: 2\n  tensorParallelSize: 1\nresources:\n  gpu:\n    count: 2")]
    [InlineData("sovereign-agent", "agent:\n  riskTier: extreme")]
    [InlineData("sovereign-tenant", "quota:\n  accelerators:\n    example.com/fpga: 1")]
    public async Task Values_outside_the_schema_fail_lint(string chart, string values)
    {
        var file = Path.Combine(Path.GetTempPath(), $"sovereignops-lint-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, values);
        try
        {
            var result = await LintAsync(chart, file);

            Assert.NotEqual(0, result.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Model_chart_refuses_to_render_a_gpu_count_that_does_not_match_the_parallelism()
    {
        // helm lint treats `fail` as advisory, so the cross-field rules are proven on a render.
        var file = Path.Combine(Path.GetTempPath(), $"sovereignops-lint-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "parallelism:\n  tensorParallelSize: 4\nresources:\n  gpu:\n    count: 2\n");
        try
        {
            var result = await Cli.Wrap(RepoPaths.Helm)
                .WithArguments(["template", "check", ChartCatalog.Directory("sovereign-model"), "-f", file])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync();

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("resources.gpu.count (2)", result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Task<BufferedCommandResult> LintAsync(string chart, string? valuesFile)
    {
        var arguments = new List<string> { "lint", "--strict", ChartCatalog.Directory(chart) };
        if (valuesFile is not null)
        {
            arguments.AddRange(["-f", valuesFile]);
        }

        return Cli.Wrap(RepoPaths.Helm)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
    }
}
