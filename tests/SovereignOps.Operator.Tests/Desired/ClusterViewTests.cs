using SovereignOps.Operator.Desired;

namespace SovereignOps.Operator.Tests.Desired;

public sealed class ClusterViewTests
{
    [Fact]
    public void A_model_that_does_not_fit_is_left_out_of_the_deployable_plan_and_changes_no_other_plan()
    {
        var bundle = ClusterBundles.Examples("thailand");
        var before = new ClusterView(bundle);
        var huge = ClusterBundles.CopyOf(bundle, "th-national-ai", "siam-llm", "siam-huge", spec =>
        {
            spec.Replicas = 12;
            spec.ParametersBillions = 400;
            spec.Priority = -100;
        });
        bundle.Models.Add(huge);

        var after = new ClusterView(bundle);

        var plan = after.ModelPlan(huge)!;
        Assert.False(plan.Fits);
        Assert.Contains("free", plan.Problem, StringComparison.Ordinal);
        var profile = after.ProfileForNamespace("th-national-ai")!;
        Assert.DoesNotContain(profile.Plan.Models, m => m.Model.Metadata.Name == "siam-huge");
        Assert.Contains(profile.Full.Models, m => m.Model.Metadata.Name == "siam-huge");
        foreach (var model in before.Plan.Capacity.Models)
        {
            Assert.Equal(model.Layout, after.Plan.Capacity.Find(model.Key)!.Layout);
            Assert.Equal(model.ReplicaNodes.SelectMany(n => n), after.Plan.Capacity.Find(model.Key)!.ReplicaNodes.SelectMany(n => n));
        }
    }

    [Fact]
    public void Agents_are_deployable_only_when_approved_and_bound_to_a_deployed_model()
    {
        var view = new ClusterView(ClusterBundles.Examples("thailand"));

        var profile = view.Profile("th-national-ai")!;

        Assert.NotEmpty(profile.Plan.Agents);
        Assert.All(profile.Plan.Agents, a =>
        {
            Assert.Equal("Approved", a.Entry.Approval.State);
            Assert.Contains(profile.Plan.Models, m => m.Model.Key == a.Binding.Model!.Key);
        });
        Assert.DoesNotContain(profile.Plan.Agents, a => a.Entry.Name == "court-document-drafter");
    }
}
