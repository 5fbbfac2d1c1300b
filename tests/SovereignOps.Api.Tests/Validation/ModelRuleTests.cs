using SovereignOps.Api.V1Alpha1;
using SovereignOps.Api.Validation.Rules;

namespace SovereignOps.Api.Tests.Validation;

public sealed class ModelRuleTests
{
    [Fact]
    public void A_model_outside_every_tenant_namespace_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Models[0].Metadata.NamespaceProperty = "default";

        var error = RuleAssert.Single(new TenantObjectNamespaceRule(), bundle, "metadata.namespace",
            "namespace \"default\" is not the tenantNamespace of any SovereignProfile; expected one of: \"moph\"");
        Assert.Equal("ModelDeployment/default/typhoon-omni", error.File);
    }

    [Fact]
    public void A_catalog_without_a_namespace_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Catalogs[0].Metadata.NamespaceProperty = null;

        RuleAssert.Single(new TenantObjectNamespaceRule(), bundle, "metadata.namespace", "a AgentCatalog must name its namespace");
    }

    [Fact]
    public void A_model_referencing_a_missing_pool_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Models[0].Spec.GpuPoolRef = new ObjectReference { Name = "moph-h200" };

        RuleAssert.Single(new ModelPoolRule(), bundle, "spec.gpuPoolRef.name",
            "GpuPool \"moph-h200\" does not exist; expected a pool of SovereignProfile \"moph\": \"moph-h100\", \"moph-a100-mig\"");
    }

    [Fact]
    public void A_model_on_a_pool_of_another_customer_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Pools[1].Spec.ProfileRef.Name = "mdes";

        RuleAssert.Single(new ModelPoolRule(), bundle, "spec.gpuPoolRef.name",
            "GpuPool \"moph-a100-mig\" belongs to SovereignProfile \"mdes\", not to \"moph\"");
    }

    [Fact]
    public void A_model_without_a_pool_ref_uses_the_default_pool()
    {
        var bundle = SampleBundle.Create();
        bundle.Models[0].Spec.GpuPoolRef = null;

        RuleAssert.Silent(new ModelPoolRule(), bundle);
    }

    [Fact]
    public void A_model_without_a_pool_ref_and_no_default_pool_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Models[0].Spec.GpuPoolRef = null;
        bundle.Profiles[0].Spec.DefaultGpuPool = null;

        RuleAssert.Single(new ModelPoolRule(), bundle, "spec.gpuPoolRef", "has no defaultGpuPool");
    }

    [Fact]
    public void A_model_data_class_unknown_to_the_policy_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Models[1].Spec.DataClass = "Confidential";

        RuleAssert.Single(new ModelDataClassRule(), bundle, "spec.dataClass",
            "data class \"Confidential\" is not defined by DataResidencyPolicy \"th-pdpa\"");
    }

    [Fact]
    public void A_model_data_class_not_allowed_on_its_pool_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Models[0].Spec.DataClass = "Public";

        RuleAssert.Single(new ModelDataClassRule(), bundle, "spec.dataClass",
            "data class \"Public\" is not allowed on GpuPool \"moph-h100\"; the pool allows: \"Secret\", \"PersonalData\"");
    }

    [Fact]
    public void A_no_sharing_model_on_a_mig_pool_is_reported_at_its_pool_ref()
    {
        var bundle = SampleBundle.Create();
        bundle.Models[0].Spec.GpuPoolRef = new ObjectReference { Name = "moph-a100-mig" };

        var error = RuleAssert.Single(new GpuSharingRule(), bundle, "spec.gpuPoolRef.name",
            "data class \"Secret\" forbids GPU sharing, but GpuPool \"moph-a100-mig\" shares its GPUs (MIG)");
        Assert.Equal("ModelDeployment/moph/typhoon-omni", error.File);
    }

    [Fact]
    public void A_no_sharing_model_on_a_time_sliced_default_pool_is_reported_at_its_data_class()
    {
        var bundle = SampleBundle.Create();
        bundle.Pools[0].Spec.Partitioning = new GpuPartitioning { Mode = "TimeSlicing", TimeSlicingReplicas = 4 };
        bundle.Pools[0].Spec.AllowedDataClasses = [];
        bundle.Models[0].Spec.GpuPoolRef = null;

        RuleAssert.Single(new GpuSharingRule(), bundle, "spec.dataClass", "shares its GPUs (TimeSlicing)");
    }

    [Fact]
    public void A_dedicated_class_model_on_a_shared_node_pool_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Pools[0].Spec.Dedicated = false;
        bundle.Pools[0].Spec.AllowedDataClasses = [];

        RuleAssert.Single(new DedicatedNodesRule(), bundle, "spec.gpuPoolRef.name",
            "data class \"Secret\" requires dedicated nodes, but GpuPool \"moph-h100\" is not dedicated");
    }

    [Fact]
    public void A_weights_cache_on_a_storage_class_the_policy_does_not_allow_is_reported()
    {
        var bundle = SampleBundle.Create();
        bundle.Models[0].Spec.Weights.CacheStorageClass = "gp3";

        RuleAssert.Single(new WeightsStorageClassRule(), bundle, "spec.weights.cacheStorageClass",
            "storage class \"gp3\" is not allowed by DataResidencyPolicy \"th-pdpa\"; expected one of: \"th-ceph-encrypted\"");
    }

    [Fact]
    public void A_policy_without_storage_rules_allows_no_weights_cache_class()
    {
        var bundle = SampleBundle.Create();
        bundle.Policies[0].Spec.Storage = null;

        RuleAssert.Single(new WeightsStorageClassRule(), bundle, "spec.weights.cacheStorageClass", "expected one of: none");
    }

    [Theory]
    [InlineData("https://huggingface.co/scb10x/typhoon/resolve/main/model.safetensors", "huggingface.co")]
    [InlineData("oci://docker.io/library/typhoon:2.1", "docker.io")]
    [InlineData("https://198.51.100.7/weights", "198.51.100.7")]
    [InlineData("https://models.example.sa/typhoon", "models.example.sa")]
    public void Weights_from_outside_the_country_are_reported_for_an_in_country_class(string uri, string host)
    {
        var bundle = SampleBundle.Create();
        bundle.Models[0].Spec.Weights.Uri = uri;

        RuleAssert.Single(new WeightsResidencyRule(), bundle, "spec.weights.uri",
            $"host \"{host}\" is not in-country, and data class \"Secret\" must stay in TH; expected the registry mirror \"registry.moph.go.th\", a host under .th");
    }

    [Theory]
    [InlineData("oci://registry.moph.go.th/models/typhoon-omni:2.1")]
    [InlineData("https://cdn.registry.moph.go.th/typhoon")]
    [InlineData("https://models.nectec.or.th/typhoon")]
    [InlineData("https://model-store.ai-platform.svc/typhoon")]
    [InlineData("https://model-store/typhoon")]
    [InlineData("https://203.0.113.9/typhoon")]
    [InlineData("s3://moph-models/typhoon")]
    [InlineData("pvc://typhoon-weights/2.1")]
    public void Weights_from_in_country_sources_are_accepted(string uri)
    {
        var bundle = SampleBundle.Create();
        bundle.Models[0].Spec.Weights.Uri = uri;

        RuleAssert.Silent(new WeightsResidencyRule(), bundle);
    }

    [Fact]
    public void Weights_of_a_class_that_may_leave_the_country_come_from_anywhere()
    {
        var bundle = SampleBundle.Create();
        bundle.Models[1].Spec.DataClass = "Public";
        bundle.Models[1].Spec.Weights.Uri = "https://huggingface.co/openai/whisper-large-v3";

        RuleAssert.Silent(new WeightsResidencyRule(), bundle);
    }
}
