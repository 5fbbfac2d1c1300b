using SovereignOps.Api.Bundles;
using SovereignOps.Api.Validation;

namespace SovereignOps.Api.Tests.Validation;

public sealed class BundleLoaderTests
{
    [Fact]
    public void A_valid_stream_loads_every_kind_with_its_source_line()
    {
        var result = BundleLoader.LoadText(SampleYaml.All, "bundle.yaml");

        Assert.Empty(result.Errors);
        var bundle = Assert.IsType<Bundle>(result.Bundle);
        Assert.Equal((1, 1, 1, 1, 1, 1, 1), (bundle.Policies.Count, bundle.Profiles.Count, bundle.Pools.Count, bundle.Models.Count, bundle.Catalogs.Count, bundle.Namespaces.Count, bundle.Nodes.Count));
        Assert.Equal(("bundle.yaml", 1), (bundle.SourceOf(bundle.Policies[0])!.File, bundle.SourceOf(bundle.Policies[0])!.Line));
        var profile = bundle.SourceOf(bundle.Profiles[0])!;
        Assert.Equal(LineOf(SampleYaml.All, "kind: SovereignProfile") - 1, profile.Line);
        Assert.Equal(LineOf(SampleYaml.All, "customer: Ministry") - 1, profile.LineOf("spec.country"));
        Assert.Empty(BundleValidator.Validate(bundle));
    }

    [Fact]
    public void Schema_defaults_are_applied_before_typing()
    {
        var bundle = Load(SampleYaml.All);

        Assert.Equal(8192, bundle.Models[0].Spec.ContextLength);
        Assert.Equal(1, bundle.Models[0].Spec.Replicas);
        Assert.True(bundle.Policies[0].Spec.DataClasses[1].InCountryOnly);
        Assert.Equal("Limited", bundle.Catalogs[0].Spec.Agents[0].RiskTier);
        Assert.Equal("8", bundle.Nodes[0].Status.Capacity["nvidia.com/gpu"].ToString());
    }

    [Fact]
    public void An_unknown_field_is_reported_at_its_own_line()
    {
        var text = SampleYaml.Pool.Replace("  nodeCount: 2", "  nodeCount: 2\n  nodeCuont: 3", StringComparison.Ordinal);

        var error = SingleError(text);

        Assert.Equal((12, "spec.nodeCuont"), (error.Line, error.FieldPath));
        Assert.Contains("unknown field \"nodeCuont\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_metadata_field_is_reported()
    {
        var text = SampleYaml.Pool.Replace("  name: moph-h100", "  name: moph-h100\n  lables: {a: b}", StringComparison.Ordinal);

        var error = SingleError(text);

        Assert.Equal((5, "metadata.lables"), (error.Line, error.FieldPath));
    }

    [Fact]
    public void A_missing_required_field_is_reported_at_the_object_that_lacks_it()
    {
        var text = SampleYaml.Pool.Replace("  region: th-bangkok\n", string.Empty, StringComparison.Ordinal);

        var error = SingleError(text);

        Assert.Equal((5, "spec.region"), (error.Line, error.FieldPath));
        Assert.Contains("Required value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_outside_an_enum_names_the_supported_values()
    {
        var error = SingleError(SampleYaml.Model.Replace("precision: fp8", "precision: fp6", StringComparison.Ordinal));

        Assert.Equal((11, "spec.precision"), (error.Line, error.FieldPath));
        Assert.Contains("\"fp8\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_count_is_reported_with_the_bound()
    {
        var error = SingleError(SampleYaml.Pool.Replace("perNode: 8", "perNode: -8", StringComparison.Ordinal));

        Assert.Equal((15, "spec.gpu.perNode"), (error.Line, error.FieldPath));
        Assert.Contains("greater than or equal to 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cel_rule_of_the_crd_is_enforced()
    {
        var error = SingleError(SampleYaml.Pool.Replace("model: H100-80GB", "model: L40S-48GB", StringComparison.Ordinal)
            .Replace("mode: None", "mode: MIG\n    migProfiles: [{profile: 3g.40gb, perGpu: 2}]", StringComparison.Ordinal));

        Assert.Equal("spec.partitioning.mode", error.FieldPath);
        Assert.Contains("MIG partitioning needs a MIG-capable GPU", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apiVersion: sovereignops.io/v1alpha1", "apiVersion: sovereignops.io/v1", "apiVersion", "apiVersion \"sovereignops.io/v1\" is not served for kind GpuPool; expected \"sovereignops.io/v1alpha1\"")]
    [InlineData("kind: GpuPool", "kind: GPUPool", "kind", "unknown kind \"GPUPool\"; a bundle holds DataResidencyPolicy")]
    [InlineData("kind: GpuPool", "kind: [GpuPool]", "kind", "kind is required")]
    [InlineData("  name: moph-h100", "  name: Moph_H100", "metadata.name", "expected a DNS label")]
    [InlineData("  name: moph-h100", "  name: moph-h100\n  namespace: moph", "metadata.namespace", "GpuPool is cluster-scoped")]
    public void Identity_problems_are_reported(string from, string to, string path, string message)
    {
        var error = SingleError(SampleYaml.Pool.Replace(from, to, StringComparison.Ordinal));

        Assert.Equal(path, error.FieldPath);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_that_is_not_a_mapping_is_reported()
    {
        var error = SingleError("- just\n- a list\n");

        Assert.Contains("must be a mapping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_is_read_strictly()
    {
        var error = SingleError(SampleYaml.Node.Replace("status:", "spec:\n  taintz: []\nstatus:", StringComparison.Ordinal));

        Assert.Equal((9, "spec.taintz"), (error.Line, error.FieldPath));
        Assert.Contains("unknown field \"taintz\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_field_of_the_wrong_type_is_reported()
    {
        var error = SingleError(SampleYaml.Node.Replace("status:", "spec:\n  unschedulable: [yes]\nstatus:", StringComparison.Ordinal));

        Assert.Equal("spec.unschedulable", error.FieldPath);
        Assert.Contains("expected a boolean", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_errors_keep_their_line_and_column()
    {
        var error = SingleError("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  name: b\n");

        Assert.Equal(5, error.Line);
        Assert.NotNull(error.Column);
    }

    [Fact]
    public void Every_error_of_every_document_is_returned_and_nothing_is_loaded()
    {
        var text = SampleYaml.All
            .Replace("country: TH\n  dataClasses", "country: TH\n  dataClasess: []\n  dataClasses", StringComparison.Ordinal)
            .Replace("precision: fp8", "precision: fp6", StringComparison.Ordinal);

        var result = BundleLoader.LoadText(text, "bundle.yaml");

        Assert.Null(result.Bundle);
        Assert.Equal(["spec.dataClasess", "spec.precision"], result.Errors.Select(e => e.FieldPath));
        Assert.Equal(1, result.DocumentsByKind["ModelDeployment"]);
    }

    private static int LineOf(string text, string marker) => text[..text.IndexOf(marker, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    private static Bundle Load(string text)
    {
        var result = BundleLoader.LoadText(text, "bundle.yaml");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Bundle!;
    }

    private static ValidationError SingleError(string text)
    {
        var result = BundleLoader.LoadText(text, "bundle.yaml");
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }
}
