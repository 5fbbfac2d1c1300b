using SovereignOps.Sandbox.Cluster.Timing;

namespace SovereignOps.Sandbox.Tests.Cluster;

/// <summary>The small parts of the simulated cluster: Go durations in annotations, the --seed flag.</summary>
public sealed class ClusterPartsTests
{
    [Fact]
    public void The_sandbox_command_takes_a_scheduler_seed()
    {
        Assert.Equal(9, SandboxCommand.Parse(["--nodes", "a.yaml", "--seed", "9"], out _)!.Seed);
        Assert.Equal(1, SandboxCommand.Parse([], out _)!.Seed);
        Assert.Null(SandboxCommand.Parse(["--seed", "x"], out var error));
        Assert.Contains("[--seed N]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sandbox_command_can_shorten_the_default_toleration_of_lost_nodes()
    {
        Assert.Equal(30, SandboxCommand.Parse(["--default-toleration-seconds", "30"], out _)!.DefaultTolerationSeconds);
        Assert.Null(SandboxCommand.Parse([], out _)!.DefaultTolerationSeconds);
        Assert.Null(SandboxCommand.Parse(["--default-toleration-seconds", "-1"], out _));
    }

    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("250ms", 250)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("0", 0)]
    public void Go_durations_parse(string text, double milliseconds)
    {
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(milliseconds, duration.TotalMilliseconds);
    }

    [Theory]
    [InlineData("30")]
    [InlineData("5 minutes")]
    [InlineData("s")]
    [InlineData("")]
    public void Malformed_durations_are_refused(string text) => Assert.False(GoDuration.TryParse(text, out _));
}
