using SovereignOps.Api.Schema;
using static SovereignOps.Api.Tests.Schema.SchemaTestHelpers;

namespace SovereignOps.Api.Tests.Schema;

public class CelRuleTests
{
    private const string ReplicaSchema = """
        {"type":"object","properties":{"spec":{"type":"object",
          "x-kubernetes-validations":[
            {"rule":"self.minReplicas <= self.maxReplicas","message":"minReplicas must not exceed maxReplicas"},
            {"rule":"self.maxReplicas >= oldSelf.maxReplicas","message":"maxReplicas may not shrink","reason":"FieldValueForbidden","fieldPath":".maxReplicas"}
          ],
          "properties":{"minReplicas":{"type":"integer"},"maxReplicas":{"type":"integer"}}}}}
        """;

    [Theory]
    [InlineData("self.x > 0", """{"x":1}""", true)]
    [InlineData("self.x > 0", """{"x":0}""", false)]
    [InlineData("has(self.y) || self.x == 1", """{"x":1}""", true)]
    [InlineData("has(self.y)", """{"x":1}""", false)]
    [InlineData("has(self.y)", """{"y":""}""", true)]
    [InlineData("has(self.items)", """{"items":[]}""", true)]
    [InlineData("has(self.labels)", """{"labels":{}}""", true)]
    [InlineData("!has(self.y) || size(self.y) > 0", """{"y":""}""", false)]
    [InlineData("self.items.all(i, i.size() <= 3)", """{"items":["ab","abc"]}""", true)]
    [InlineData("self.items.exists(i, i == 'abcd')", """{"items":["ab","abc"]}""", false)]
    [InlineData("size(self.items) == 2 && self.items.size() + 1 == 3", """{"items":["a","b"]}""", true)]
    [InlineData("self.name.lowerAscii().startsWith('th-')", """{"name":"TH-bangkok"}""", true)]
    [InlineData("self.name.matches('^[a-z]+$')", """{"name":"Bangkok"}""", false)]
    [InlineData("self.name.split('-').size() == 2", """{"name":"th-bkk"}""", true)]
    [InlineData("self.items.isSorted() && self.items.indexOf('b') == 1", """{"items":["a","b"]}""", true)]
    [InlineData("self.nums.sum() == 6 && self.nums.max() == 3", """{"nums":[1,2,3]}""", true)]
    [InlineData("quantity(self.mem).isGreaterThan(quantity('40Gi'))", """{"mem":"80Gi"}""", true)]
    [InlineData("isQuantity(self.mem)", """{"mem":"eighty"}""", false)]
    [InlineData("'app' in self.labels", """{"labels":{"app":"x"}}""", true)]
    [InlineData("self.ratio * 2.0 == 3.0", """{"ratio":1.5}""", true)]
    [InlineData("self.count * 2 == 6", """{"count":3}""", true)]
    public void Rules_evaluate_over_self(string rule, string value, bool passes)
    {
        var schema = """{"type":"object","x-kubernetes-validations":[{"rule":""" + System.Text.Json.JsonSerializer.Serialize(rule) + """
            }],
             "properties":{"x":{"type":"integer"},"y":{"type":"string"},"name":{"type":"string"},"mem":{"type":"string"},
               "ratio":{"type":"number"},"count":{"type":"integer"},
               "items":{"type":"array","items":{"type":"string"}},"nums":{"type":"array","items":{"type":"integer"}},
               "labels":{"type":"object","additionalProperties":{"type":"string"}}}}
            """;

        var errors = Errors(schema, value);

        Assert.Equal(passes, errors.Count == 0);
        if (!passes)
        {
            Assert.Equal($"<root>: Invalid value: \"object\": failed rule: {rule}", Assert.Single(errors));
        }
    }

    [Theory]
    [InlineData("has(self.a.b)", true)]
    [InlineData("has(self.a.missing)", false)]
    [InlineData("self.a.b.c == 2", true)]
    [InlineData("self.a.b.c == 3", false)]
    [InlineData("oldSelf.a.b.c == 1", true)]
    [InlineData("self.a.b.c > oldSelf.a.b.c", true)]
    [InlineData("self.a.list[1] == 'y'", true)]
    public void Nested_field_access_and_presence_follow_cel_semantics(string rule, bool passes)
    {
        var schema = """{"type":"object","x-kubernetes-validations":[{"rule":""" + System.Text.Json.JsonSerializer.Serialize(rule) + """
            }],"properties":{"a":{"type":"object","properties":{"missing":{"type":"string"},"list":{"type":"array","items":{"type":"string"}},"b":{"type":"object","properties":{"c":{"type":"integer"}}}}}}}
            """;

        var errors = Errors(schema, """{"a":{"b":{"c":2},"list":["x","y"]}}""", """{"a":{"b":{"c":1},"list":["x"]}}""");

        Assert.Equal(passes, errors.Count == 0);
    }

    [Fact]
    public void A_number_field_is_a_double_in_cel_even_when_written_as_an_integer()
    {
        var schema = """{"type":"object","x-kubernetes-validations":[{"rule":"self.ratio * 0.5 == 1.0"}],"properties":{"ratio":{"type":"number"}}}""";

        Assert.Empty(Errors(schema, """{"ratio":2}"""));
    }

    [Fact]
    public void Failing_rule_reports_its_message_at_the_rule_path()
    {
        var errors = Errors(ReplicaSchema, """{"spec":{"minReplicas":5,"maxReplicas":2}}""");

        Assert.Equal(["spec: Invalid value: \"object\": minReplicas must not exceed maxReplicas"], errors);
    }

    [Fact]
    public void Transition_rules_are_skipped_on_create_and_run_on_update_with_reason_and_field_path()
    {
        Assert.Empty(Errors(ReplicaSchema, """{"spec":{"minReplicas":1,"maxReplicas":2}}"""));

        var errors = Errors(ReplicaSchema, """{"spec":{"minReplicas":1,"maxReplicas":2}}""", """{"spec":{"minReplicas":1,"maxReplicas":4}}""");

        Assert.Equal(["spec.maxReplicas: Forbidden: maxReplicas may not shrink"], errors);
    }

    [Fact]
    public void Immutability_rules_compare_whole_objects_and_lists_structurally()
    {
        var schema = """
            {"type":"object","properties":{"spec":{"type":"object","properties":{
              "residency":{"type":"object","x-kubernetes-validations":[{"rule":"self == oldSelf","message":"residency is immutable"}],
                "properties":{"country":{"type":"string"},"zones":{"type":"array","items":{"type":"string"}}}}}}}}
            """;
        const string old = """{"spec":{"residency":{"country":"TH","zones":["bkk-1","bkk-2"]}}}""";

        Assert.Empty(Errors(schema, """{"spec":{"residency":{"zones":["bkk-1","bkk-2"],"country":"TH"}}}""", old));
        Assert.Equal(
            ["spec.residency: Invalid value: \"object\": residency is immutable"],
            Errors(schema, """{"spec":{"residency":{"country":"TH","zones":["bkk-1","sg-1"]}}}""", old));
    }

    [Fact]
    public void Transition_rules_do_not_run_where_the_old_object_has_no_counterpart()
    {
        var errors = Errors(ReplicaSchema, """{"spec":{"minReplicas":1,"maxReplicas":2}}""", """{"metadata":{"name":"x"}}""");

        Assert.Empty(errors);
    }

    [Fact]
    public void Message_expression_is_used_when_it_yields_a_string()
    {
        var schema = """
            {"type":"object","x-kubernetes-validations":[{"rule":"self.gpus <= 8","messageExpression":"'asked for ' + string(self.gpus) + ' GPUs; a node has at most 8'","reason":"FieldValueInvalid"}],
             "properties":{"gpus":{"type":"integer"}}}
            """;

        Assert.Equal(["<root>: Invalid value: \"object\": asked for 16 GPUs; a node has at most 8"], Errors(schema, """{"gpus":16}"""));
    }

    [Fact]
    public void Rules_on_list_items_and_map_values_report_at_each_item()
    {
        var schema = """
            {"type":"object","properties":{
              "models":{"type":"array","items":{"type":"object","x-kubernetes-validations":[{"rule":"self.replicas > 0","message":"needs a replica","reason":"FieldValueRequired","fieldPath":".replicas"}],
                "properties":{"replicas":{"type":"integer"}}}},
              "quotas":{"type":"object","additionalProperties":{"type":"integer","x-kubernetes-validations":[{"rule":"self % 2 == 0","message":"must be even"}]}}}}
            """;

        var errors = Errors(schema, """{"models":[{"replicas":1},{"replicas":0}],"quotas":{"a100":3,"h100":4}}""");

        Assert.Equal(
            ["models[1].replicas: Required value: needs a replica", "quotas.a100: Invalid value: \"integer\": must be even"],
            errors);
    }

    [Fact]
    public void Runtime_errors_are_violations_not_exceptions()
    {
        var schema = """{"type":"object","x-kubernetes-validations":[{"rule":"self.missing > 1"}],"properties":{"missing":{"type":"integer"},"x":{"type":"integer"}}}""";

        var error = Assert.Single(Errors(schema, """{"x":1}"""));

        Assert.StartsWith("<root>: Invalid value: \"object\": rule self.missing > 1 could not be evaluated:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_that_does_not_compile_is_reported_as_an_internal_error()
    {
        var schema = """{"type":"object","x-kubernetes-validations":[{"rule":"self.x >"}],"properties":{"x":{"type":"integer"}}}""";

        var error = Assert.Single(Errors(schema, """{"x":1}"""));

        Assert.StartsWith("<root>: Internal error: rule self.x > does not compile: syntax error", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_errors_block_the_rules_as_in_the_api_server()
    {
        var errors = Errors(ReplicaSchema, """{"spec":{"minReplicas":"five","maxReplicas":2}}""");

        Assert.Equal(2, errors.Count);
        Assert.Contains("must be of type integer", errors[0], StringComparison.Ordinal);
        Assert.Equal("<root>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation", errors[1]);
    }

    [Fact]
    public void Nested_comprehensions_over_a_large_list_run_out_of_cost_budget_instead_of_hanging()
    {
        var schema = """{"type":"object","x-kubernetes-validations":[{"rule":"self.items.all(a, self.items.all(b, self.items.all(c, a + b + c >= 0)))"}],"properties":{"items":{"type":"array","items":{"type":"integer"}}}}""";
        var items = string.Join(",", Enumerable.Range(0, 2000));

        var error = Assert.Single(Errors(schema, $$"""{"items":[{{items}}]}"""));

        Assert.Contains("running out of cost budget", error, StringComparison.Ordinal);
    }
}
