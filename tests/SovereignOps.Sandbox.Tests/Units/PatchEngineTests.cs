using System.Text;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Apply;
using SovereignOps.Sandbox.Patching;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Tests.Units;

/// <summary>The patch types on plain JSON, including the strategic merge directives kubectl sends.</summary>
public sealed class PatchEngineTests
{
    private static readonly IListSchema Deployments = ListSchemas.For(BuiltInResources.Create().Single(t => t.Kind == "Deployment"));

    private static JsonObject Deployment() => JsonNode.Parse("""
        {"metadata":{"name":"web","finalizers":["a","b"]},
         "spec":{"template":{"spec":{"containers":[
           {"name":"web","image":"w:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},
           {"name":"side","image":"s:1"}]}}}}
        """)!.AsObject();

    private static string Apply(PatchType type, string patch) =>
        PatchEngine.Apply(type, Deployment(), Encoding.UTF8.GetBytes(patch), Deployments).Value!.ToJsonString();

    [Fact]
    public void Strategic_delete_directive_removes_the_keyed_item()
    {
        var result = Apply(PatchType.StrategicMerge, """{"spec":{"template":{"spec":{"containers":[{"name":"side","$patch":"delete"}]}}}}""");

        Assert.DoesNotContain("\"side\"", result, StringComparison.Ordinal);
        Assert.Contains("\"web\"", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Strategic_set_element_order_reorders_the_list()
    {
        var result = JsonNode.Parse(Apply(PatchType.StrategicMerge,
            """{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"side"},{"name":"web"}]}}}}"""))!;

        Assert.Equal(["side", "web"], result["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void Strategic_delete_from_primitive_list_and_replace_directive()
    {
        var finalizers = JsonNode.Parse(Apply(PatchType.StrategicMerge, """{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}}"""))!;
        Assert.Equal(["b"], finalizers["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()));

        var replaced = JsonNode.Parse(Apply(PatchType.StrategicMerge,
            """{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"$patch":"replace"},{"name":"C","value":"3"}]}]}}}}"""))!;
        var env = replaced["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray();
        Assert.Equal(["C"], env.Select(e => e!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void Strategic_null_removes_a_field_and_merge_keys_merge_env()
    {
        var result = JsonNode.Parse(Apply(PatchType.StrategicMerge,
            """{"metadata":{"finalizers":null},"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"B","value":"9"}]}]}}}}"""))!;

        Assert.Null(result["metadata"]!["finalizers"]);
        var env = result["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray();
        Assert.Equal(["A=1", "B=9"], env.Select(e => $"{e!["name"]}={e["value"]}"));
    }

    [Fact]
    public void Json_patch_moves_copies_and_appends()
    {
        var result = JsonNode.Parse(Apply(PatchType.Json, """
            [{"op":"copy","from":"/metadata/name","path":"/metadata/generateName"},
             {"op":"move","from":"/metadata/finalizers/0","path":"/metadata/finalizers/-"},
             {"op":"add","path":"/metadata/labels","value":{"a~b/c":"x"}},
             {"op":"replace","path":"/metadata/labels/a~0b~1c","value":"y"}]
            """))!;

        Assert.Equal("web", result["metadata"]!["generateName"]!.GetValue<string>());
        Assert.Equal(["b", "a"], result["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("y", result["metadata"]!["labels"]!["a~b/c"]!.GetValue<string>());
    }

    [Fact]
    public void Merge_patch_replaces_lists_and_removes_nulls()
    {
        var result = JsonNode.Parse(Apply(PatchType.Merge, """{"metadata":{"finalizers":["z"],"name":null}}"""))!;

        Assert.Equal(["z"], result["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Null(result["metadata"]!["name"]);
    }
}
