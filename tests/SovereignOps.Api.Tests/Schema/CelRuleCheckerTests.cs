using SovereignOps.Api.Schema;
using static SovereignOps.Api.Tests.Schema.SchemaTestHelpers;

namespace SovereignOps.Api.Tests.Schema;

public class CelRuleCheckerTests
{
    [Fact]
    public void Rules_that_compile_have_no_problems()
    {
        var schema = ParseSchema("""
            {"type":"object","properties":{"spec":{"type":"object",
              "x-kubernetes-validations":[
                {"rule":"self.pools.all(p, p.gpus > 0 && p.name.size() <= 63)"},
                {"rule":"!has(self.mode) || self.mode in ['Deny', 'Allow']","fieldPath":".mode"},
                {"rule":"self.labels.all(k, k.startsWith('sovereign'))"},
                {"rule":"oldSelf.pools.size() <= self.pools.size()","messageExpression":"'had ' + string(oldSelf.pools.size())"}],
              "properties":{"mode":{"type":"string"},
                "labels":{"type":"object","additionalProperties":{"type":"string"}},
                "pools":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"gpus":{"type":"integer"}}}}}}}}
            """);

        Assert.Empty(CelRuleChecker.Check(schema));
    }

    [Fact]
    public void Every_rule_that_does_not_compile_is_listed_with_its_path()
    {
        var schema = ParseSchema("""
            {"type":"object","properties":{"spec":{"type":"object",
              "x-kubernetes-validations":[
                {"rule":"self.replicas >"},
                {"rule":"self.replicaz > 0"},
                {"rule":"frobnicate(self.replicas)"},
                {"rule":"other.replicas > 0"},
                {"rule":"self.replicas > 0","fieldPath":".nope"},
                {"rule":"self.replicas > 0","reason":"Because"},
                {"rule":"self.replicas > 0","messageExpression":"'x' +"}],
              "properties":{"replicas":{"type":"integer"},
                "pools":{"type":"array","items":{"type":"object","x-kubernetes-validations":[{"rule":"self.gpuz > 0"}],"properties":{"gpus":{"type":"integer"}}}}}}}}
            """);

        var problems = CelRuleChecker.Check(schema).Select(p => p.ToString()).ToList();

        Assert.Collection(
            problems,
            p => Assert.StartsWith("spec: rule self.replicas >: compilation failed: syntax error", p, StringComparison.Ordinal),
            p => Assert.Equal("spec: rule self.replicaz > 0: compilation failed: undefined field 'replicaz'", p),
            p => Assert.Equal("spec: rule frobnicate(self.replicas): compilation failed: found no function named 'frobnicate'", p),
            p => Assert.Equal("spec: rule other.replicas > 0: compilation failed: undeclared reference to 'other'", p),
            p => Assert.Equal("spec: rule self.replicas > 0: fieldPath .nope does not refer to a field of the schema", p),
            p => Assert.StartsWith("spec: rule self.replicas > 0: reason Because is not one of", p, StringComparison.Ordinal),
            p => Assert.StartsWith("spec: rule self.replicas > 0: messageExpression compilation failed: syntax error", p, StringComparison.Ordinal),
            p => Assert.Equal("spec.pools[*]: rule self.gpuz > 0: compilation failed: undefined field 'gpuz'", p));
    }

    [Fact]
    public void Rules_nested_too_deeply_for_the_parser_are_refused()
    {
        var rule = new string('(', 500) + "true" + new string(')', 500);
        var schema = new k8s.Models.V1JSONSchemaProps { Type = "object", XKubernetesValidations = [new k8s.Models.V1ValidationRule { Rule = rule }] };

        var problem = Assert.Single(CelRuleChecker.Check(schema));

        Assert.Contains("nests deeper than 64 levels", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_of_preserved_and_embedded_objects_are_not_second_guessed()
    {
        var schema = ParseSchema("""
            {"type":"object","properties":{
              "free":{"type":"object","x-kubernetes-preserve-unknown-fields":true,"x-kubernetes-validations":[{"rule":"has(self.anything)"}]},
              "template":{"type":"object","x-kubernetes-embedded-resource":true,"x-kubernetes-preserve-unknown-fields":true,"x-kubernetes-validations":[{"rule":"self.kind == 'Pod'"}]}}}
            """);

        Assert.Empty(CelRuleChecker.Check(schema));
    }
}
