using System.Text.Json;
using SovereignOps.Rendering.Tests.Samples;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering.Tests.Values;

public sealed class ChartValuesDocumentTests
{
    [Fact]
    public void Values_serialise_to_the_chart_keys_without_renderer_members()
    {
        var document = ChartValuesDocument.From(SampleValues.VllmTensorParallel);

        using var json = JsonDocument.Parse(document.Json);
        var root = json.RootElement;
        Assert.Equal(
            ["autoscaling", "labels", "model", "name", "namespace", "network", "parallelism", "placement", "podDisruptionBudget", "probes", "resources", "runtime", "security", "service", "serving", "weights", "workload"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("vllm", root.GetProperty("runtime").GetProperty("engine").GetString());
        Assert.Equal("Deployment", root.GetProperty("workload").GetProperty("kind").GetString());
        Assert.Equal(0, root.GetProperty("workload").GetProperty("rollout").GetProperty("maxSurge").GetInt32());
        Assert.Equal("pvc", root.GetProperty("weights").GetProperty("source").GetString());
        Assert.Equal(
            "topology.kubernetes.io/region",
            root.GetProperty("placement").GetProperty("nodeAffinity").GetProperty("requiredDuringSchedulingIgnoredDuringExecution")
                .GetProperty("nodeSelectorTerms")[0].GetProperty("matchExpressions")[0].GetProperty("key").GetString());
    }

    [Fact]
    public void The_same_values_give_the_same_bytes_whatever_the_dictionary_order()
    {
        var forward = SampleValues.TriageAgent;
        var backward = forward with { Labels = new Dictionary<string, string>(forward.Labels.Reverse()) };

        Assert.Equal(ChartValuesDocument.From(forward).Sha256, ChartValuesDocument.From(backward).Sha256);
        Assert.Equal(ChartValuesDocument.From(forward).ToString(), ChartValuesDocument.From(backward).ToString());
    }

    [Fact]
    public void Different_values_give_different_hashes()
    {
        var values = SampleValues.VllmTensorParallel;

        Assert.NotEqual(
            ChartValuesDocument.From(values).Sha256,
            ChartValuesDocument.From(values with { Serving = values.Serving with { MaxModelLength = 32769 } }).Sha256);
    }

    [Fact]
    public void A_percentage_rollout_bound_is_written_as_a_string()
    {
        var values = SampleValues.TriageAgent with { Rollout = new RolloutValues { MaxSurge = IntOrPercent.Percent(25), MaxUnavailable = IntOrPercent.Pods(0) } };

        using var json = JsonDocument.Parse(ChartValuesDocument.From(values).Json);
        var rollout = json.RootElement.GetProperty("rollout");
        Assert.Equal("25%", rollout.GetProperty("maxSurge").GetString());
        Assert.Equal(0, rollout.GetProperty("maxUnavailable").GetInt32());
    }

    [Fact]
    public void Ephemeral_storage_keeps_its_kubernetes_name()
    {
        var values = SampleValues.TriageAgent with { Resources = new ContainerResourcesValues { Limits = new() { EphemeralStorage = "1Gi" } } };

        Assert.Contains("\"ephemeral-storage\":\"1Gi\"", ChartValuesDocument.From(values).ToString(), StringComparison.Ordinal);
    }
}
