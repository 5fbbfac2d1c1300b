using SovereignOps.Api.V1Alpha1;
using SovereignOps.Planning.Capacity;

namespace SovereignOps.Planning.Tests;

internal static class PlanAssert
{
    public static ModelPlan Single(GpuPool pool, ModelDeployment model)
    {
        var plan = CapacityPlanner.Plan(Fixtures.Bundle([pool], [model]));
        return Assert.Single(plan.Models);
    }

    public static ReplicaLayout Fits(ModelPlan plan)
    {
        Assert.True(plan.Fits, plan.Problem);
        return plan.Layout!;
    }
}
