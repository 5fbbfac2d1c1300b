using SovereignOps.Cli.Commands;

namespace SovereignOps.Cli.Tests.Cluster;

public sealed class DiffCommandTests : IAsyncLifetime
{
    private SandboxCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await SandboxCluster.StartAsync();

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task Diff_names_each_changed_field_and_exits_like_kubectl_diff()
    {
        var bundle = cluster.CopyExample("thailand");
        var before = await cluster.RunAsync("diff", bundle);
        await cluster.RunAsync("apply", bundle);
        var same = await cluster.RunAsync("diff", bundle);
        var models = Path.Combine(bundle, "40-models.yaml");
        File.WriteAllText(models, File.ReadAllText(models).Replace("  replicas: 2\n", "  replicas: 3\n", StringComparison.Ordinal));
        var changed = await cluster.RunAsync("diff", bundle);

        Assert.Equal(DiffCommand.ExitDifferences, before.ExitCode);
        Assert.Contains("ModelDeployment th-national-ai/siam-omni: would be created", before.Output, StringComparison.Ordinal);
        Assert.Contains("+ spec.gpuPoolRef.name: \"th-h100-bangkok\"", before.Output, StringComparison.Ordinal);
        Assert.Equal(CliApp.ExitOk, same.ExitCode);
        Assert.Contains("0 objects would change, 11 unchanged", same.Output, StringComparison.Ordinal);
        Assert.Equal(DiffCommand.ExitDifferences, changed.ExitCode);
        Assert.Contains("ModelDeployment th-national-ai/siam-omni: would change (1 field)", changed.Output, StringComparison.Ordinal);
        Assert.Contains("  ~ spec.replicas: 2 -> 3", changed.Output, StringComparison.Ordinal);
        var live = await cluster.GetAsync("modeldeployments", "th-national-ai", "siam-omni");
        Assert.Equal(2, live["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_invalid_bundle_is_an_error_not_a_difference()
    {
        var (exitCode, output) = await cluster.RunAsync("diff", RepoPaths.Combine("examples", "invalid", "bad-country-code.yaml"));

        Assert.Equal(DiffCommand.ExitError, exitCode);
        Assert.Contains("bad-country-code.yaml:", output, StringComparison.Ordinal);
    }
}
