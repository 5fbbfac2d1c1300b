using SovereignOps.Api.Schema;
using static SovereignOps.Api.Tests.Schema.SchemaTestHelpers;

namespace SovereignOps.Api.Tests.Schema;

public class PrunerTests
{
    private const string PoolSchema = """
        {"type":"object","properties":{
          "spec":{"type":"object","properties":{
            "replicas":{"type":"integer"},
            "nodeSelector":{"type":"object","additionalProperties":{"type":"string"}},
            "tolerations":{"type":"array","items":{"type":"object","properties":{"key":{"type":"string"}}}},
            "extra":{"type":"object","x-kubernetes-preserve-unknown-fields":true,"properties":{"known":{"type":"object","properties":{"a":{"type":"string"}}}}},
            "template":{"type":"object","x-kubernetes-embedded-resource":true,"properties":{"spec":{"type":"object","properties":{"image":{"type":"string"}}}}}}},
          "status":{"type":"object","properties":{"ready":{"type":"boolean"}}}}}
        """;

    [Fact]
    public void Unknown_fields_are_removed_and_reported_in_document_order()
    {
        var value = Json("""
            {"apiVersion":"sovereignops.io/v1alpha1","kind":"GpuPool","metadata":{"name":"p","labels":{"a":"b"},"bogus":1},
             "spec":{"replicaz":2,"replicas":1,"nodeSelector":{"zone":"bkk"},"tolerations":[{"key":"gpu","efect":"NoSchedule"}],
               "extra":{"anything":{"goes":true},"known":{"a":"x","b":"y"}},
               "template":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"t","junk":1},"spec":{"image":"i","imagePullPolicy":"Always"},"other":1}},
             "unknownTop":true}
            """);

        var pruned = Pruner.Prune(ParseSchema(PoolSchema), value);

        Assert.Equal(
            ["metadata.bogus", "spec.replicaz", "spec.tolerations[0].efect", "spec.extra.known.b", "spec.template.metadata.junk", "spec.template.spec.imagePullPolicy", "spec.template.other", "unknownTop"],
            pruned);
        Assert.Equal(
            """{"apiVersion":"sovereignops.io/v1alpha1","kind":"GpuPool","metadata":{"name":"p","labels":{"a":"b"}},"spec":{"replicas":1,"nodeSelector":{"zone":"bkk"},"tolerations":[{"key":"gpu"}],"extra":{"anything":{"goes":true},"known":{"a":"x"}},"template":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"t"},"spec":{"image":"i"}}}}""",
            value!.ToJsonString());
    }

    [Fact]
    public void A_sub_schema_can_be_pruned_without_the_resource_root_exemptions()
    {
        var value = Json("""{"kind":"x","ready":true}""");

        var pruned = Pruner.Prune(ParseSchema("""{"type":"object","properties":{"ready":{"type":"boolean"}}}"""), value, isResourceRoot: false);

        Assert.Equal(["kind"], pruned);
        Assert.Equal("""{"ready":true}""", value!.ToJsonString());
    }

    [Fact]
    public void Nothing_is_pruned_from_a_valid_resource()
    {
        var value = Json("""{"apiVersion":"v1","kind":"K","metadata":{"name":"n"},"spec":{"replicas":1},"status":{"ready":true}}""");

        Assert.Empty(Pruner.Prune(ParseSchema(PoolSchema), value));
    }
}
