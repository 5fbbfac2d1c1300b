using System.Text.Json.Nodes;
using SovereignOps.Cli.Commands;

namespace SovereignOps.Cli.Tests.Cluster;

public sealed class FieldDiffTests
{
    [Fact]
    public void Changed_added_and_removed_leaves_are_named_by_path_and_server_fields_are_ignored()
    {
        var before = Parse("""{"metadata":{"name":"m","resourceVersion":"7","labels":{"app.kubernetes.io/name":"x"}},"spec":{"replicas":2,"modalities":["text"],"old":true},"status":{"readyReplicas":2}}""");
        var after = Parse("""{"metadata":{"name":"m","resourceVersion":"9","labels":{"app.kubernetes.io/name":"y"}},"spec":{"replicas":3,"modalities":["text","image"]},"status":{"readyReplicas":0}}""");

        var changes = FieldDiff.Compare(before, after).Select(c => c.ToString()).ToList();

        Assert.Equal(
        [
            "~ metadata.labels[\"app.kubernetes.io/name\"]: \"x\" -> \"y\"",
            "+ spec.modalities[1]: \"image\"",
            "- spec.old: true",
            "~ spec.replicas: 2 -> 3",
        ], changes);
    }

    [Fact]
    public void A_new_object_lists_every_leaf_as_added_and_equal_objects_differ_in_nothing()
    {
        var obj = Parse("""{"metadata":{"name":"m","uid":"u"},"spec":{"gpu":{"model":"H100-80GB"}}}""");

        Assert.Equal(["+ metadata.name: \"m\"", "+ spec.gpu.model: \"H100-80GB\""], FieldDiff.Compare(null, obj).Select(c => c.ToString()));
        Assert.Empty(FieldDiff.Compare(obj, Parse(obj.ToJsonString())));
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
