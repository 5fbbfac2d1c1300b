using System.Text.Json.Nodes;
using k8s.Models;
using SovereignOps.Api.Crds;
using SovereignOps.Api.Schema;
using SovereignOps.Api.Tests.Validation;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Tests.Crds;

/// <summary>
/// Every x-kubernetes-validations rule of the generated CRDs compiles, accepts a valid object and rejects
/// a broken one with its message — run through the same schema validator the bundle loader and the
/// sandbox API server use. A rule added without a case here fails <see cref="Every_rule_has_a_case"/>.
/// </summary>
public sealed class CrdCelRuleTests
{
    private static readonly string MigPool =
        SampleYaml.Pool.Replace("    mode: None", "    mode: MIG\n    migProfiles: [{profile: 3g.40gb, perGpu: 2}]", StringComparison.Ordinal);

    private static readonly string TritonModel = SampleYaml.Model.Replace("engine: vllm", "engine: triton", StringComparison.Ordinal);

    /// <summary>
    /// An empty defaultGpuPool breaks both the field's DNS-label pattern and the profile's non-empty rule. The
    /// Cel package's has() is false for a present empty string (proto semantics), where Kubernetes CEL's is true,
    /// so locally only the pattern reports it; the object is rejected at the same field either way.
    /// </summary>
    private const string EmptyNameRejectedByPattern = "spec.defaultGpuPool in body should match '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'";

    /// <summary>(kind, valid document, text to replace, replacement, the rule's message, another message that also proves the rejection).</summary>
    private static readonly (string Kind, string Valid, string From, string To, string Message, string? OrMessage)[] Cases =
    [
        ("ModelDeployment", SampleYaml.Model, "parametersBillions: 70\n  precision: fp8", "parametersBillions: 4000\n  precision: bf16",
            "parametersBillions at this precision needs more than 4 TiB of weights; use a lower precision", null),
        ("ModelDeployment", SampleYaml.Model, "  dataClass: Secret", "  dataClass: Secret\n  autoscaling: {minReplicas: 5, maxReplicas: 2}",
            "autoscaling.minReplicas must not exceed autoscaling.maxReplicas", null),
        ("ModelDeployment", TritonModel, "precision: fp8", "precision: int4",
            "the triton runtime cannot serve int4 weights; use vllm or tgi, or precision fp8", null),
        ("GpuPool", MigPool, "model: H100-80GB", "model: L40S-48GB",
            "MIG partitioning needs a MIG-capable GPU (A100, H100, H200 or B200)", null),
        ("GpuPool", MigPool, "    mode: MIG\n    migProfiles: [{profile: 3g.40gb, perGpu: 2}]", "    mode: MIG",
            "partitioning.migProfiles is required when partitioning.mode is MIG", null),
        ("GpuPool", MigPool, "    mode: MIG\n    migProfiles: [{profile: 3g.40gb, perGpu: 2}]", "    mode: TimeSlicing",
            "partitioning.timeSlicingReplicas must be at least 2 when partitioning.mode is TimeSlicing", null),
        ("GpuPool", MigPool, "    mode: MIG\n", "    mode: None\n",
            "partitioning.migProfiles is only allowed when partitioning.mode is MIG", null),
        ("AgentCatalog", SampleYaml.Catalog, "      model:\n        ref:\n          name: typhoon-omni\n", "      model: {}\n",
            "an agent needs model.ref or model.requiredModalities", null),
        ("AgentCatalog", SampleYaml.Catalog, "\n        approvedBy: moph-digital-health", "",
            "an Approved agent must name who approved it", null),
        ("AgentCatalog", SampleYaml.Catalog, "      dataClasses: [Secret]\n", "      dataClasses: [Secret]\n      riskTier: High\n",
            "a High risk agent requires humanReview", null),
        ("DataResidencyPolicy", SampleYaml.Policy, "    mode: Deny\n", "    mode: Deny\n    mechanisms: [StandardContractualClauses]\n",
            "crossBorder.mechanisms must be empty when crossBorder.mode is Deny", null),
        ("DataResidencyPolicy", SampleYaml.Policy, "    allowed: [th-bangkok, th-nonthaburi]\n", "    allowed: [th-bangkok, th-nonthaburi]\n    allowedZones: [th-bangkok-a]\n",
            "regions.zoneLabelKey is required when regions.allowedZones is set", null),
        ("SovereignProfile", SampleYaml.Profile, "  defaultGpuPool: moph-h100", "  defaultGpuPool: \"\"",
            "defaultGpuPool must not be empty when set", EmptyNameRejectedByPattern),
        ("SovereignProfile", SampleYaml.Profile, "    mirror: registry.moph.go.th/sovereign", "    mirror: docker.io/moph\n    airGapped: true",
            "an air-gapped profile cannot use a public registry as its mirror", null),
    ];

    public static TheoryData<int> CaseIndexes => new(Enumerable.Range(0, Cases.Length));

    private static IEnumerable<(string Kind, V1ValidationRule Rule)> AllRules =>
        CrdGenerator.GenerateAll().SelectMany(crd => Rules(crd.Spec.Versions[0].Schema.OpenAPIV3Schema).Select(rule => (crd.Spec.Names.Kind, rule)));

    [Fact]
    public void Every_rule_of_every_crd_compiles()
    {
        foreach (var crd in CrdGenerator.GenerateAll())
        {
            var schema = crd.Spec.Versions[0].Schema.OpenAPIV3Schema;

            Assert.Empty(CelRuleChecker.Check(schema));
            Assert.Empty(StructuralSchema.Compile(schema).Problems);
        }
    }

    [Fact]
    public void Every_rule_has_a_case()
    {
        var covered = Cases.Select(c => (c.Kind, c.Message)).ToHashSet();

        Assert.All(AllRules, r => Assert.Contains((r.Kind, r.Rule.Message), covered));
        Assert.Equal(AllRules.Count(), Cases.Length);
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void A_rule_accepts_the_valid_object_and_rejects_the_broken_one_with_its_message(int index)
    {
        var (kind, valid, from, to, message, orMessage) = Cases[index];
        Assert.Contains(from, valid, StringComparison.Ordinal);

        Assert.Empty(Violations(kind, valid));

        var violations = Violations(kind, valid.Replace(from, to, StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Message.Contains(message, StringComparison.Ordinal)
            || (orMessage is not null && v.Message.Contains(orMessage, StringComparison.Ordinal)));
    }

    private static IReadOnlyList<SchemaViolation> Violations(string kind, string yaml)
    {
        var read = YamlDocumentReader.Read(yaml, kind + ".yaml");
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        var document = read.Documents[0].Root;
        var schema = Schema(kind);
        Defaulter.Apply(schema, document);
        return SchemaValidator.Validate(schema, document);
    }

    private static V1JSONSchemaProps Schema(string kind) =>
        CrdGenerator.GenerateAll().Single(crd => crd.Spec.Names.Kind == kind).Spec.Versions[0].Schema.OpenAPIV3Schema;

    private static IEnumerable<V1ValidationRule> Rules(V1JSONSchemaProps schema)
    {
        foreach (var rule in schema.XKubernetesValidations ?? [])
        {
            yield return rule;
        }

        var children = (schema.Properties?.Values ?? []).Concat(new[] { schema.Items as V1JSONSchemaProps, schema.AdditionalProperties as V1JSONSchemaProps }.OfType<V1JSONSchemaProps>());
        foreach (var rule in children.SelectMany(Rules))
        {
            yield return rule;
        }
    }
}
