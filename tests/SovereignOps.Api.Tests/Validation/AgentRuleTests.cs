using SovereignOps.Api.V1Alpha1;
using SovereignOps.Api.Validation.Rules;

namespace SovereignOps.Api.Tests.Validation;

public sealed class AgentRuleTests
{
    [Fact]
    public void An_agent_referencing_a_missing_model_is_reported_with_the_models_of_its_namespace()
    {
        var bundle = SampleBundle.Create();
        bundle.Catalogs[0].Spec.Agents[0].Model.Ref = new ObjectReference { Name = "typhoon-2" };

        var error = RuleAssert.Single(new AgentModelRefRule(), bundle, "spec.agents[0].model.ref.name",
            "ModelDeployment \"typhoon-2\" does not exist in namespace \"moph\"; expected one of: \"typhoon-omni\", \"thai-asr\"");
        Assert.Equal("AgentCatalog/moph/siam-health", error.File);
    }

    [Fact]
    public void An_agent_needing_a_modality_no_model_serves_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Catalogs[0].Spec.Agents[1].Model.RequiredModalities = ["speech", "video"];

        RuleAssert.Single(new AgentModalityRule(), bundle, "spec.agents[1].model.requiredModalities",
            "no ModelDeployment in namespace \"moph\" serves speech+video (\"typhoon-omni\" serves text+image, \"thai-asr\" serves speech+text)");
    }

    [Fact]
    public void An_agent_whose_referenced_model_lacks_a_required_modality_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Catalogs[0].Spec.Agents[0].Model.RequiredModalities = ["speech"];

        RuleAssert.Single(new AgentModalityRule(), bundle, "spec.agents[0].model.requiredModalities",
            "ModelDeployment \"typhoon-omni\" serves text+image, not speech");
    }

    [Fact]
    public void Modalities_served_by_one_model_together_are_accepted()
    {
        var bundle = SampleBundle.Create();
        bundle.Catalogs[0].Spec.Agents[1].Model.RequiredModalities = ["text", "speech"];

        RuleAssert.Silent(new AgentModalityRule(), bundle);
    }

    [Fact]
    public void An_agent_data_class_unknown_to_the_policy_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Catalogs[0].Spec.Agents[1].DataClasses.Add("HealthRecords");

        RuleAssert.Single(new AgentDataClassRule(), bundle, "spec.agents[1].dataClasses[1]",
            "data class \"HealthRecords\" is not defined by DataResidencyPolicy \"th-pdpa\"");
    }

    [Theory]
    [InlineData("8.8.8.8/32")]
    [InlineData("10.0.0.0/8")]
    [InlineData("2001:db8::/32")]
    public void Egress_outside_the_policy_allow_list_is_reported(string cidr)
    {
        var bundle = SampleBundle.Create();
        bundle.Catalogs[0].Spec.Agents[0].EgressAllowList.Add(new EgressTarget { Cidr = cidr });

        RuleAssert.Single(new AgentEgressRule(), bundle, "spec.agents[0].egressAllowList[1].cidr",
            $"{cidr} is outside the egress allow-list of DataResidencyPolicy \"th-pdpa\"; expected a block inside one of: \"10.20.0.0/16\", \"203.0.113.0/24\"");
    }

    [Fact]
    public void Egress_when_the_policy_has_no_allow_list_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Policies[0].Spec.Egress = null;

        RuleAssert.Single(new AgentEgressRule(), bundle, "spec.agents[0].egressAllowList[0].cidr", "expected a block inside one of: none");
    }

    [Fact]
    public void A_malformed_cidr_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Catalogs[0].Spec.Agents[0].EgressAllowList[0].Cidr = "10.20.30.0/33";

        RuleAssert.Single(new AgentEgressRule(), bundle, "spec.agents[0].egressAllowList[0].cidr", "is not a CIDR block");
    }
}
