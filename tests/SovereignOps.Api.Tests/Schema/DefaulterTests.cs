using SovereignOps.Api.Schema;
using static SovereignOps.Api.Tests.Schema.SchemaTestHelpers;

namespace SovereignOps.Api.Tests.Schema;

public class DefaulterTests
{
    private const string ModelSchema = """
        {"type":"object","properties":{"spec":{"type":"object","properties":{
          "replicas":{"type":"integer","default":1},
          "precision":{"type":"string","default":"bf16"},
          "note":{"type":"string","nullable":true,"default":"n/a"},
          "rollout":{"type":"object","default":{},"properties":{"maxSurge":{"type":"integer","default":1},"strategy":{"type":"string","default":"Rolling"}}},
          "gpus":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"count":{"type":"integer","default":8}}}},
          "pools":{"type":"object","additionalProperties":{"type":"object","properties":{"shared":{"type":"boolean","default":false}}}}}}}}
        """;

    [Fact]
    public void Absent_fields_get_defaults_at_every_level_that_exists()
    {
        var value = Json("""{"spec":{"replicas":3,"gpus":[{"name":"a"},{"name":"b","count":2}],"pools":{"h100":{}}}}""");

        var defaulted = Defaulter.Apply(ParseSchema(ModelSchema), value);

        Assert.Equal(
            """{"spec":{"replicas":3,"gpus":[{"name":"a","count":8},{"name":"b","count":2}],"pools":{"h100":{"shared":false}},"precision":"bf16","note":"n/a","rollout":{"maxSurge":1,"strategy":"Rolling"}}}""",
            value!.ToJsonString());
        Assert.Equal(
            ["spec.precision", "spec.note", "spec.rollout", "spec.gpus[0].count", "spec.pools.h100.shared", "spec.rollout.maxSurge", "spec.rollout.strategy"],
            defaulted);
    }

    [Fact]
    public void Objects_that_do_not_exist_are_not_created_without_a_default()
    {
        var value = Json("""{}""");

        Assert.Empty(Defaulter.Apply(ParseSchema(ModelSchema), value));
        Assert.Equal("{}", value!.ToJsonString());
    }

    [Fact]
    public void Nulls_in_non_nullable_fields_are_dropped_then_defaulted()
    {
        var value = Json("""{"spec":{"replicas":null,"precision":null,"note":null,"gpus":null}}""");

        Defaulter.Apply(ParseSchema(ModelSchema), value);

        Assert.Equal("""{"spec":{"note":null,"replicas":1,"precision":"bf16","rollout":{"maxSurge":1,"strategy":"Rolling"}}}""", value!.ToJsonString());
    }

    [Fact]
    public void Defaults_are_copies()
    {
        var schema = ParseSchema(ModelSchema);
        var first = Json("""{"spec":{}}""");
        var second = Json("""{"spec":{}}""");
        Defaulter.Apply(schema, first);
        Defaulter.Apply(schema, second);

        first!["spec"]!["rollout"]!["maxSurge"] = 5;

        Assert.Equal(1, second!["spec"]!["rollout"]!["maxSurge"]!.GetValue<long>());
    }
}
