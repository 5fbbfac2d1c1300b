using k8s.Models;
using SovereignOps.Api.Schema;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Tests.Schema;

/// <summary>A CRD-shaped schema, built here, exercised end to end from YAML as a user would write it.</summary>
public class CrdLikeSchemaTests
{
    private static readonly V1JSONSchemaProps ModelDeploymentSchema = new()
    {
        Type = "object",
        Properties = new Dictionary<string, V1JSONSchemaProps>
        {
            ["apiVersion"] = new() { Type = "string" },
            ["kind"] = new() { Type = "string" },
            ["metadata"] = new() { Type = "object" },
            ["spec"] = new()
            {
                Type = "object",
                Required = ["model", "precision", "gpuPoolRef"],
                XKubernetesValidations =
                [
                    new V1ValidationRule { Rule = "!has(self.autoscaling) || self.autoscaling.min <= self.autoscaling.max", Message = "autoscaling.min must not exceed autoscaling.max", FieldPath = ".autoscaling" },
                ],
                Properties = new Dictionary<string, V1JSONSchemaProps>
                {
                    ["model"] = new() { Type = "string", MinLength = 1, MaxLength = 63 },
                    ["country"] = new() { Type = "string", Pattern = "^[A-Z]{2}$" },
                    ["precision"] = new() { Type = "string", EnumProperty = ["bf16", "fp8", "int4"] },
                    ["replicas"] = new() { Type = "integer", Minimum = 0, DefaultProperty = 1 },
                    ["gpuPoolRef"] = new() { Type = "object", Required = ["name"], Properties = new Dictionary<string, V1JSONSchemaProps> { ["name"] = new() { Type = "string" } } },
                    ["memory"] = new() { XKubernetesIntOrString = true, Pattern = KubernetesPatterns.Quantity },
                    ["modalities"] = new() { Type = "array", XKubernetesListType = "set", Items = new V1JSONSchemaProps { Type = "string", EnumProperty = ["text", "image", "speech", "video"] } },
                    ["autoscaling"] = new()
                    {
                        Type = "object",
                        Properties = new Dictionary<string, V1JSONSchemaProps> { ["min"] = new() { Type = "integer" }, ["max"] = new() { Type = "integer" } },
                    },
                },
            },
        },
    };

    [Fact]
    public void A_valid_resource_has_no_violations_and_both_quantity_forms_pass()
    {
        foreach (var memory in (string[])["80Gi", "80", "1.5e3", "500m"])
        {
            var violations = Validate($$"""
                apiVersion: sovereignops.io/v1alpha1
                kind: ModelDeployment
                metadata: {name: typhoon}
                spec:
                  model: typhoon-2
                  country: TH
                  precision: bf16
                  gpuPoolRef: {name: h100}
                  memory: {{memory}}
                  modalities: [text, speech]
                  autoscaling: {min: 1, max: 4}
                """);

            Assert.Empty(violations);
        }
    }

    [Fact]
    public void Every_broken_field_is_reported_not_just_the_first()
    {
        var violations = Validate("""
            spec:
              model: ""
              country: NO
              precision: fp3
              replicas: -1
              memory: 80GB
              modalities: [text, text, smell]
              gpuPoolRef: {}
            """);

        Assert.Equal(
            [
                "spec.model: Invalid value: \"\": spec.model in body should be at least 1 chars long",
                "spec.precision: Unsupported value: \"fp3\": supported values: \"bf16\", \"fp8\", \"int4\"",
                "spec.replicas: Invalid value: -1: spec.replicas in body should be greater than or equal to 0",
                "spec.memory: Invalid value: \"80GB\": spec.memory in body should match '" + KubernetesPatterns.Quantity + "'",
                "spec.modalities[1]: Duplicate value: \"text\"",
                "spec.modalities[2]: Unsupported value: \"smell\": supported values: \"text\", \"image\", \"speech\", \"video\"",
                "spec.gpuPoolRef.name: Required value",
                "<root>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation",
            ],
            violations.Where(v => !v.StartsWith("spec.country", StringComparison.Ordinal)));
        Assert.Contains(violations, v => v.StartsWith("spec.country: Invalid value: \"boolean\": spec.country in body must be of type string", StringComparison.Ordinal));
    }

    [Fact]
    public void Violations_can_be_located_in_the_yaml_source()
    {
        var document = YamlDocumentReader.Read("spec:\n  model: m\n  precision: fp8\n  gpuPoolRef: {name: p}\n  autoscaling:\n    min: 5\n    max: 2\n", "md.yaml").Documents[0];

        var violation = Assert.Single(SchemaValidator.Validate(ModelDeploymentSchema, document.Root));

        Assert.Equal("spec.autoscaling: Invalid value: \"object\": autoscaling.min must not exceed autoscaling.max", violation.ToString());
        Assert.Equal(new SourcePosition(5, 3), document.SourceMap.Locate(violation.Path));
    }

    [Fact]
    public void Defaulting_then_validation_sees_the_defaults()
    {
        var root = YamlDocumentReader.Read("spec:\n  model: m\n  precision: fp8\n  gpuPoolRef: {name: p}\n", "md.yaml").Documents[0].Root;

        Assert.Equal(["spec.replicas"], Defaulter.Apply(ModelDeploymentSchema, root));
        Assert.Empty(SchemaValidator.Validate(ModelDeploymentSchema, root));
        Assert.Equal(1L, root["spec"]!["replicas"]!.GetValue<long>());
    }

    private static List<string> Validate(string yaml)
    {
        var read = YamlDocumentReader.Read(yaml, "md.yaml");
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        return SchemaValidator.Validate(ModelDeploymentSchema, read.Documents[0].Root).Select(v => v.ToString()).ToList();
    }
}
