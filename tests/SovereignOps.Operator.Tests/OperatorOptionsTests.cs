using SovereignOps.Operator;

namespace SovereignOps.Operator.Tests;

public sealed class OperatorOptionsTests
{
    [Fact]
    public void Parses_every_option()
    {
        var (options, error) = OperatorOptions.Parse(["--kubeconfig", "k.yaml", "--leader-elect", "--watch-namespaces", "a, b", "--metrics-port", "9090"]);

        Assert.Null(error);
        Assert.NotNull(options);
        Assert.Equal("k.yaml", options.Kubeconfig);
        Assert.True(options.LeaderElect);
        Assert.Equal(["a", "b"], options.WatchNamespaces);
        Assert.Equal(9090, options.MetricsPort);
    }

    [Fact]
    public void Scopes_by_namespace_and_runs_the_sandbox_on_request()
    {
        var (options, error) = OperatorOptions.Parse(["--sandbox", "--namespace", "th-national-ai", "--watch-namespaces", "kr-public-ai", "--lease-namespace", "ops"]);

        Assert.Null(error);
        Assert.NotNull(options);
        Assert.True(options.Sandbox);
        Assert.Equal(["th-national-ai", "kr-public-ai"], options.WatchNamespaces);
        Assert.Equal("ops", options.LeaseNamespace);
    }

    [Theory]
    [InlineData("apply", CrdPolicy.Apply)]
    [InlineData("verify", CrdPolicy.Verify)]
    public void Takes_the_crd_policy_the_chart_passes(string value, CrdPolicy expected)
    {
        var (options, error) = OperatorOptions.Parse(["--crd-policy", value]);

        Assert.Null(error);
        Assert.Equal(expected, options!.CrdPolicy);
    }

    [Fact]
    public void Applies_the_crds_unless_told_otherwise() =>
        Assert.Equal(CrdPolicy.Apply, OperatorOptions.Parse([]).Options!.CrdPolicy);

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--kubeconfig")]
    [InlineData("--metrics-port", "70000")]
    [InlineData("--crd-policy", "delete")]
    public void Rejects_unknown_incomplete_or_invalid_options(params string[] args)
    {
        var (options, error) = OperatorOptions.Parse(args);

        Assert.Null(options);
        Assert.NotNull(error);
    }
}
