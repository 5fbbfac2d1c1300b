using SovereignOps.Api.Profiles;

namespace SovereignOps.Api.Tests.Profiles;

public sealed class ProfileGeneratorTests
{
    private static ProfileGeneration Generate(string country = "TH", IReadOnlyList<string>? gpus = null, IReadOnlyList<string>? models = null,
        string customer = "Ministry of Digital Economy and Society", string? ns = null, string? mirror = null) =>
        ProfileGenerator.Generate(new ProfileRequest
        {
            Country = country,
            Customer = customer,
            Namespace = ns,
            Mirror = mirror,
            Gpus = (gpus ?? []).Select(g => GpuRequest.Parse(g).Value!).ToList(),
            Models = (models ?? []).Select(m => ModelRequest.Parse(m).Value!).ToList(),
        });

    [Fact]
    public void Files_follow_the_apply_order_of_the_bundle_layout()
    {
        var generation = Generate();

        Assert.True(generation.Succeeded, string.Join("; ", generation.Errors));
        Assert.Equal(BundleLayout.Files, generation.Files.Select(f => f.RelativePath));
        Assert.Equal(BundleLayout.Files.Order(StringComparer.Ordinal), BundleLayout.Files);
    }

    [Fact]
    public void The_same_request_gives_byte_identical_files()
    {
        var first = Generate(gpus: ["H100-80GB:16", "L40S-48GB:8:th-north"], models: ["typhoon:70:bf16", "omni:30:fp8:text+image+speech+video"]);
        var second = Generate(gpus: ["H100-80GB:16", "L40S-48GB:8:th-north"], models: ["typhoon:70:bf16", "omni:30:fp8:text+image+speech+video"]);

        Assert.Equal(first.Files, second.Files);
    }

    [Fact]
    public void Defaults_are_sixteen_h100_in_the_first_region_and_one_text_model_with_agents_bound_to_it()
    {
        var bundle = Generate().Bundle!;

        var pool = Assert.Single(bundle.Pools);
        Assert.Equal("mdes-h100-th-central", pool.Metadata.Name);
        Assert.Equal(("H100-80GB", 2, 8, "th-central"), (pool.Spec.Gpu.Model, pool.Spec.NodeCount, pool.Spec.Gpu.PerNode, pool.Spec.Region));
        var model = Assert.Single(bundle.Models);
        Assert.Equal(["text"], model.Spec.Modalities);
        Assert.Equal((70.0, "bf16"), (model.Spec.ParametersBillions, model.Spec.Precision));
        Assert.Equal("th-mdes", model.Metadata.NamespaceProperty);
        var catalog = Assert.Single(bundle.Catalogs);
        Assert.True(catalog.Spec.Agents.Count >= 2);
        Assert.All(catalog.Spec.Agents, a => Assert.Equal(model.Metadata.Name, a.Model.Ref!.Name));
        Assert.Equal("registry.mdes.go.th", bundle.Profiles[0].Spec.Registry.Mirror);
        Assert.Equal(pool.Metadata.Name, bundle.Profiles[0].Spec.DefaultGpuPool);
    }

    [Fact]
    public void The_default_model_shrinks_to_fit_a_smaller_pool()
    {
        var model = Assert.Single(Generate(gpus: ["L40S-48GB:4"]).Bundle!.Models);

        Assert.Equal((70.0, "fp8"), (model.Spec.ParametersBillions, model.Spec.Precision));
    }

    [Fact]
    public void Each_model_goes_to_the_first_pool_one_replica_fits_on()
    {
        var generation = Generate(gpus: ["L40S-48GB:4:th-north", "H200-141GB:8"], models: ["small:8:bf16", "large:405:fp8"]);

        Assert.Empty(generation.Warnings);
        var pools = generation.Bundle!.Models.ToDictionary(m => m.Metadata.Name, m => m.Spec.GpuPoolRef!.Name);
        Assert.Equal("mdes-l40s-th-north", pools["small"]);
        Assert.Equal("mdes-h200-th-central", pools["large"]);
    }

    [Fact]
    public void A_model_too_large_for_any_node_is_placed_with_a_warning()
    {
        var generation = Generate(gpus: ["L40S-48GB:8"], models: ["huge:405:bf16"]);

        Assert.True(generation.Succeeded);
        var warning = Assert.Single(generation.Warnings);
        Assert.Contains("model huge (405B bf16) needs about", warning, StringComparison.Ordinal);
        Assert.Contains("sovereignctl plan", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Nodes_are_created_for_every_requested_gpu_and_spread_over_zones()
    {
        var bundle = Generate(country: "SA", customer: "National Data Authority", gpus: ["H200-141GB:32:sa-riyadh"]).Bundle!;

        Assert.Equal(4, bundle.Nodes.Count);
        Assert.All(bundle.Nodes, n => Assert.Equal("8", n.Status.Capacity["nvidia.com/gpu"].ToString()));
        Assert.Equal(["sa-riyadh-a", "sa-riyadh-b", "sa-riyadh-c", "sa-riyadh-a"], bundle.Nodes.Select(n => n.Metadata.Labels["topology.kubernetes.io/zone"]));
        Assert.Equal(["sa-riyadh-a", "sa-riyadh-b", "sa-riyadh-c"], bundle.Pools[0].Spec.Zones);
    }

    [Fact]
    public void A_mig_pool_advertises_slices_and_refuses_classes_that_forbid_sharing()
    {
        var bundle = Generate(country: "SA", customer: "National Data Authority", gpus: ["H100-80GB:16", "H100-80GB:8:sa-jeddah:3g.40gb"]).Bundle!;

        var mig = bundle.Pools.Single(p => p.Spec.Partitioning.Mode == "MIG");
        Assert.Equal("nda-h100-mig-sa-jeddah", mig.Metadata.Name);
        Assert.Equal(("3g.40gb", 2), (mig.Spec.Partitioning.MigProfiles[0].Profile, mig.Spec.Partitioning.MigProfiles[0].PerGpu));
        Assert.Equal(["Restricted", "Public"], mig.Spec.AllowedDataClasses);
        var node = Assert.Single(bundle.Nodes, n => n.Metadata.Labels["sovereignops.io/pool"] == mig.Metadata.Name);
        Assert.Equal("16", node.Status.Capacity["nvidia.com/mig-3g.40gb"].ToString());
        Assert.False(node.Status.Capacity.ContainsKey("nvidia.com/gpu"));
        Assert.Equal("mixed", node.Metadata.Labels["nvidia.com/mig.strategy"]);

        var whole = bundle.Pools.Single(p => p.Spec.Partitioning.Mode == "None");
        Assert.Equal(["TopSecret", "Secret", "Restricted", "Public"], whole.Spec.AllowedDataClasses);
    }

    [Fact]
    public void Dedicated_pools_tolerate_exactly_the_taint_their_nodes_carry()
    {
        var bundle = Generate(country: "KR", customer: "National IT Industry Promotion Agency").Bundle!;
        var pool = bundle.Pools[0];
        var toleration = Assert.Single(pool.Spec.Tolerations);

        Assert.True(pool.Spec.Dedicated);
        Assert.All(bundle.Nodes, node =>
        {
            var taint = Assert.Single(node.Spec.Taints);
            Assert.Equal((toleration.Key, toleration.Value, toleration.Effect), (taint.Key, taint.Value, taint.Effect));
        });
    }

    [Fact]
    public void Two_requests_for_the_same_hardware_and_region_become_two_pools()
    {
        var bundle = Generate(gpus: ["H100-80GB:8", "H100-80GB:8"]).Bundle!;

        Assert.Equal(["mdes-h100-th-central", "mdes-h100-th-central-2"], bundle.Pools.Select(p => p.Metadata.Name));
        Assert.Equal(2, bundle.Nodes.Select(n => n.Metadata.Name).Distinct().Count());
    }

    [Fact]
    public void Namespace_and_mirror_options_are_used_as_given()
    {
        var bundle = Generate(ns: "digital-gov", mirror: "harbor.dga.go.th:5000/sovereign").Bundle!;

        Assert.Equal("digital-gov", bundle.Namespaces[0].Metadata.Name);
        Assert.Equal("digital-gov", bundle.Profiles[0].Spec.TenantNamespace);
        Assert.All(bundle.Models, m => Assert.Equal("digital-gov", m.Metadata.NamespaceProperty));
        Assert.Equal("harbor.dga.go.th:5000/sovereign", bundle.Profiles[0].Spec.Registry.Mirror);
        Assert.StartsWith("oci://harbor.dga.go.th:5000/sovereign/models/", bundle.Models[0].Spec.Weights.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tenant_namespace_enforces_restricted_pod_security()
    {
        var labels = Generate().Bundle!.Namespaces[0].Metadata.Labels;

        Assert.Equal("restricted", labels["pod-security.kubernetes.io/enforce"]);
        Assert.Equal("th-mdes", labels["sovereignops.io/profile"]);
    }

    [Theory]
    [InlineData("XX", null, null, null, "--country 'XX': no preset for this country; presets: TH, SA, KR, EU, AE")]
    [InlineData("TH", "B300-288GB:8", null, null, "unknown GPU model 'B300-288GB'")]
    [InlineData("TH", "H100-80GB:8:sa-riyadh", null, null, "region 'sa-riyadh' is not in the TH preset; regions: th-central, th-north, th-east")]
    [InlineData("TH", "L40S-48GB:4:th-central:3g.40gb", null, null, "L40S-48GB does not support MIG partitioning")]
    [InlineData("TH", "H100-80GB:8:th-central:3g.20gb", null, null, "MIG profile '3g.20gb' does not exist on H100-80GB")]
    [InlineData("TH", "H100-80GB:12", null, null, "servers carry 8 GPUs; ask for at most 8 or a multiple of 8")]
    [InlineData("TH", null, "Bad Namespace", null, "--namespace 'Bad Namespace': must be a DNS label")]
    [InlineData("TH", null, null, "https://registry.example", "--mirror 'https://registry.example'")]
    [InlineData("SA", null, null, "docker.io/library", "air-gapped and need an in-country mirror")]
    public void Invalid_requests_are_refused_with_the_option_named(string country, string? gpu, string? ns, string? mirror, string expected)
    {
        var generation = Generate(country: country, gpus: gpu is null ? null : [gpu], ns: ns, mirror: mirror);

        Assert.False(generation.Succeeded);
        Assert.Empty(generation.Files);
        Assert.Null(generation.Bundle);
        Assert.Contains(generation.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_of_a_request_is_reported_at_once()
    {
        var generation = Generate(gpus: ["B300-288GB:8", "H100-80GB:8:nowhere"], models: ["a:7:bf16", "a:8:bf16"], ns: "UPPER");

        Assert.Equal(4, generation.Errors.Count);
    }

    [Fact]
    public void A_customer_name_is_required()
    {
        var generation = Generate(customer: "  ");

        Assert.Equal(["--customer: the customer's name is required, at most 256 characters"], generation.Errors);
    }
}
