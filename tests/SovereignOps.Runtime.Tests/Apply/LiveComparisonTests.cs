using System.Text.Json.Nodes;
using SovereignOps.Runtime.Apply;

namespace SovereignOps.Runtime.Tests.Apply;

public sealed class LiveComparisonTests
{
    private const string Desired = """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"llm","namespace":"tenant-th","labels":{"app":"llm"},"annotations":{"sovereignops.io/applied-hash":"abc"}},
         "spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"server","image":"mirror.th/vllm:1","args":[],
           "resources":{"requests":{"cpu":"0.5","memory":"1Gi"},"limits":{"nvidia.com/gpu":"1"}}}]}}}}
        """;

    // What the API server hands back: the same intent plus defaults, status and server metadata.
    private const string Live = """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"llm","namespace":"tenant-th","uid":"u-1","resourceVersion":"42","generation":3,
           "labels":{"app":"llm"},"annotations":{"sovereignops.io/applied-hash":"abc","deployment.kubernetes.io/revision":"1"},
           "managedFields":[{"manager":"sovereignops-operator","operation":"Apply"}]},
         "spec":{"replicas":2,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate"},
           "template":{"spec":{"restartPolicy":"Always","containers":[{"name":"server","image":"mirror.th/vllm:1",
             "imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log",
             "resources":{"requests":{"cpu":"500m","memory":"1Gi"},"limits":{"nvidia.com/gpu":"1"}}}]}}},
         "status":{"availableReplicas":2}}
        """;

    [Fact]
    public void A_live_object_with_defaults_status_and_canonical_quantities_satisfies_the_intent() =>
        Assert.True(LiveComparison.Satisfies(JsonNode.Parse(Desired), JsonNode.Parse(Live)));

    [Theory]
    [InlineData("/spec/replicas", "3")]
    [InlineData("/spec/template/spec/containers/0/image", "\"mirror.th/vllm:2\"")]
    [InlineData("/metadata/labels/app", "\"other\"")]
    [InlineData("/metadata/annotations/sovereignops.io~1applied-hash", "\"def\"")]
    [InlineData("/spec/template/spec/containers/0/resources/requests/cpu", "\"600m\"")]
    public void A_hand_edit_of_an_applied_field_is_a_difference(string pointer, string value)
    {
        var live = JsonNode.Parse(Live)!;
        Set(live, pointer, JsonNode.Parse(value));

        Assert.False(LiveComparison.Satisfies(JsonNode.Parse(Desired), live));
    }

    [Fact]
    public void A_field_missing_from_the_live_object_is_a_difference()
    {
        var live = JsonNode.Parse(Live)!;
        live["metadata"]!["labels"]!.AsObject().Remove("app");

        Assert.False(LiveComparison.Satisfies(JsonNode.Parse(Desired), live));
    }

    [Fact]
    public void A_list_that_gained_an_item_is_a_difference()
    {
        var live = JsonNode.Parse(Live)!;
        live["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Add(JsonNode.Parse("""{"name":"sidecar"}"""));

        Assert.False(LiveComparison.Satisfies(JsonNode.Parse(Desired), live));
    }

    [Fact]
    public void Quantities_are_compared_by_value_only_where_quantities_live()
    {
        var desired = JsonNode.Parse("""{"data":{"version":"1.0"},"spec":{"hard":{"cpu":"1.0"}}}""");
        var live = JsonNode.Parse("""{"data":{"version":"1"},"spec":{"hard":{"cpu":"1"}}}""");

        Assert.False(LiveComparison.Satisfies(desired, live));
        Assert.True(LiveComparison.Satisfies(JsonNode.Parse("""{"spec":{"hard":{"cpu":"1.0"}}}"""), live));
    }

    [Fact]
    public void False_and_zero_must_be_present_but_empty_values_may_have_been_dropped()
    {
        var live = JsonNode.Parse("""{"spec":{}}""");

        Assert.True(LiveComparison.Satisfies(JsonNode.Parse("""{"spec":{"args":[],"labels":{},"note":""}}"""), live));
        Assert.False(LiveComparison.Satisfies(JsonNode.Parse("""{"spec":{"automountServiceAccountToken":false}}"""), live));
        Assert.False(LiveComparison.Satisfies(JsonNode.Parse("""{"spec":{"replicas":0}}"""), live));
    }

    [Fact]
    public void Numbers_are_compared_by_value_whether_built_in_code_or_parsed()
    {
        Assert.True(LiveComparison.Satisfies(JsonNode.Parse("""{"weight":1.0}"""), JsonNode.Parse("""{"weight":1}""")));
        Assert.True(LiveComparison.Satisfies(new JsonObject { ["replicas"] = 2 }, JsonNode.Parse("""{"replicas":2.0}""")));
        Assert.False(LiveComparison.Satisfies(new JsonObject { ["replicas"] = 2 }, JsonNode.Parse("""{"replicas":3}""")));
    }

    private static void Set(JsonNode root, string pointer, JsonNode? value)
    {
        var parts = pointer.Trim('/').Split('/').Select(p => p.Replace("~1", "/", StringComparison.Ordinal)).ToArray();
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var index) ? node![index]! : node![part]!;
        }

        node![parts[^1]] = value;
    }
}
