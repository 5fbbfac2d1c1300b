using k8s.Models;
using SovereignOps.Rendering.Pipeline;

namespace SovereignOps.Rendering.Tests.Pipeline;

public sealed class ChartNamesTests
{
    [Fact]
    public void Short_names_are_kept()
    {
        Assert.Equal("siam-llm", ChartNames.Model("siam-llm"));
        Assert.Equal("http://siam-llm.th-national-ai.svc:8000/v1", ChartNames.ModelEndpoint("siam-llm", "th-national-ai", "vllm"));
        Assert.Equal("http://thai-asr.th-national-ai.svc:8000/v2", ChartNames.ModelEndpoint("thai-asr", "th-national-ai", "triton"));
    }

    [Fact]
    public async Task A_long_model_name_is_cut_as_the_chart_cuts_it_so_agents_still_reach_the_model()
    {
        const string longName = "siam-llm-legal-drafting-extended-context-edition-2";
        var bundle = ExampleBundles.Load("thailand");
        bundle.Models.Single(m => m.Metadata.Name == "siam-llm").Metadata.Name = longName;
        foreach (var entry in bundle.Catalogs.SelectMany(c => c.Spec.Agents).Where(e => e.Model.Ref?.Name == "siam-llm"))
        {
            entry.Model.Ref!.Name = longName;
        }

        var result = await ExampleBundles.Pipeline().RunAsync(bundle);

        Assert.True(result.Succeeded, string.Join("\n", result.Reasons()));
        var objects = result.Manifests.Single().Objects;
        var expected = ChartNames.Model(longName);
        Assert.Equal(40, expected.Length);
        Assert.Contains(objects.OfKind<V1Service>(), s => s.Metadata.Name == expected);
        var advisor = objects.Single<V1NetworkPolicy>("pdpa-compliance-advisor");
        Assert.Contains(advisor.Spec.Egress, rule => rule.To.Any(peer => peer.PodSelector?.MatchLabels is { } labels && labels.TryGetValue("app.kubernetes.io/instance", out var instance) && instance == expected));
    }
}
