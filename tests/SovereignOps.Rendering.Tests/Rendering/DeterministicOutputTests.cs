using SovereignOps.Rendering.Manifests;
using SovereignOps.Rendering.Tests.Samples;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering.Tests.Rendering;

public sealed class DeterministicOutputTests
{
    public static TheoryData<string> Charts() => new(["model", "agent", "tenant"]);

    [Theory]
    [MemberData(nameof(Charts))]
    public async Task Rendering_twice_serialises_to_identical_bytes(string chart)
    {
        IChartValues values = chart switch
        {
            "model" => SampleValues.VllmMultiNode,
            "agent" => SampleValues.TriageAgent,
            _ => SampleValues.ThaiGovernmentTenant,
        };

        // Two renderers, so the second render is a second helm process and not a cached answer.
        var first = await TestRenderer.RenderAsync(values);
        var second = await TestRenderer.RenderAsync(values);

        var firstYaml = ManifestYaml.Serialize(first);
        Assert.Equal(firstYaml, ManifestYaml.Serialize(second));
        Assert.Equal(first.Select(ManifestYaml.Serialize), second.Select(ManifestYaml.Serialize));
        Assert.DoesNotContain("\r", firstYaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serialised_objects_read_back_to_the_same_yaml()
    {
        var manifest = await TestRenderer.RenderAsync(SampleValues.VllmTensorParallel);
        var yaml = ManifestYaml.Serialize(manifest);

        var reparsed = HelmOutputParser.Parse(yaml, "round-trip");

        Assert.NotNull(reparsed.Manifest);
        Assert.Equal(yaml, ManifestYaml.Serialize(reparsed.Manifest));
    }

    [Fact]
    public async Task Objects_are_listed_by_kind_order_then_name()
    {
        var manifest = await TestRenderer.RenderAsync(SampleValues.VllmMultiNode);

        Assert.Equal(
            ["NetworkPolicy/llama-405b", "ServiceAccount/llama-405b", "Service/llama-405b", "Service/llama-405b-ranks",
             "StatefulSet/llama-405b", "StatefulSet/llama-405b-w0", "StatefulSet/llama-405b-w1", "PodDisruptionBudget/llama-405b"],
            manifest.Select(o => $"{o.Kind}/{o.Name}"));
    }
}
