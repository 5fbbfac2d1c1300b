using System.Text.Json.Nodes;
using k8s.Models;
using SovereignOps.Cli.Commands;

namespace SovereignOps.Cli.Tests.Cluster;

/// <summary>The upgrade checks that are pure rules over what was read from the cluster.</summary>
public sealed class UpgradeCheckRulesTests : IDisposable
{
    private readonly string file = Path.GetTempFileName();

    public void Dispose() => File.Delete(file);

    [Theory]
    [InlineData("29", "FAIL")]
    [InlineData("30", "PASS")]
    [InlineData("34+", "PASS")]
    [InlineData("35", "WARN")]
    [InlineData("36", "FAIL")]
    public void The_server_version_is_held_to_the_supported_range_and_the_skew_policy(string minor, string expected)
    {
        var version = new JsonObject { ["major"] = "1", ["minor"] = minor, ["gitVersion"] = $"v1.{minor}.0" };

        Assert.Equal(expected, UpgradeCheckServerVersion.Run(version).Word);
    }

    [Fact]
    public void The_mirror_index_matches_digests_as_digests_and_tags_as_tags()
    {
        File.WriteAllLines(file,
        [
            "# in-country harbor",
            "",
            "harbor.gov.th/sovereign/vllm/vllm-openai:v0.11.0",
            "harbor.gov.th/sovereign/sovereignops/sovereign-operator@sha256:" + new string('a', 64),
        ]);

        var index = UpgradeCheckMirrorIndex.Read(file);

        Assert.Equal(2, index.Count);
        Assert.True(index.Contains("harbor.gov.th/sovereign/vllm/vllm-openai:v0.11.0"));
        Assert.False(index.Contains("harbor.gov.th/sovereign/vllm/vllm-openai:v0.12.0"));
        Assert.True(index.Contains("harbor.gov.th/sovereign/sovereignops/sovereign-operator:0.1.0@sha256:" + new string('a', 64)));
        Assert.False(index.Contains("harbor.gov.th/sovereign/sovereignops/sovereign-operator@sha256:" + new string('b', 64)));
    }

    [Fact]
    public void Budgets_that_never_allow_an_eviction_fail_and_ones_short_of_healthy_pods_warn()
    {
        V1Pod Pod(string name, bool ready) => new()
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "t", Labels = new Dictionary<string, string> { ["app"] = "m" } },
            Status = new V1PodStatus { Conditions = [new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False" }] },
        };
        V1PodDisruptionBudget Budget(string name, IntOrString? maxUnavailable, IntOrString? minAvailable) => new()
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "t" },
            Spec = new V1PodDisruptionBudgetSpec { MaxUnavailable = maxUnavailable, MinAvailable = minAvailable, Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "m" } } },
        };
        var pods = new[] { Pod("a", true), Pod("b", false) };

        var results = UpgradeCheckDisruptionBudgets.Run(
            [Budget("frozen", (IntOrString)0, null), Budget("all", null, (IntOrString)"100%"), Budget("short", (IntOrString)1, null), Budget("fine", (IntOrString)2, null)],
            pods).ToList();

        Assert.Equal("FAIL", results.Single(r => r.Subject.EndsWith("/frozen", StringComparison.Ordinal)).Word);
        Assert.Equal("FAIL", results.Single(r => r.Subject.EndsWith("/all", StringComparison.Ordinal)).Word);
        Assert.Equal("WARN", results.Single(r => r.Subject.EndsWith("/short", StringComparison.Ordinal)).Word);
        Assert.DoesNotContain(results, r => r.Subject.EndsWith("/fine", StringComparison.Ordinal));
        Assert.Contains("1 of 4", results.Single(r => r.Subject == "cluster").Reason, StringComparison.Ordinal);
    }
}
