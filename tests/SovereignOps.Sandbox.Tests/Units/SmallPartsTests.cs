using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Selectors;
using SovereignOps.Sandbox.Storage;
using SovereignOps.Sandbox.Tables;

namespace SovereignOps.Sandbox.Tests.Units;

/// <summary>Selectors, version ordering, ages, JSONPath and the store's history bound.</summary>
public sealed class SmallPartsTests
{
    [Theory]
    [InlineData("a in (x", false)]
    [InlineData("=x", false)]
    [InlineData("a=b,c in (d,e),!f,g", true)]
    [InlineData("", true)]
    public void Label_selector_syntax_is_checked(string text, bool valid)
    {
        Assert.Equal(valid, LabelSelector.Parse(text).Succeeded);
    }

    [Fact]
    public void Api_versions_order_ga_then_beta_then_alpha()
    {
        string[] versions = ["v1alpha1", "v2beta1", "v1", "v1beta2", "v2", "custom"];

        Assert.Equal(["v2", "v1", "v2beta1", "v1beta2", "v1alpha1", "custom"], versions.Order(KubeVersionComparer.Instance));
    }

    [Theory]
    [InlineData(45, "45s")]
    [InlineData(192, "3m12s")]
    [InlineData(25 * 60, "25m")]
    [InlineData(5 * 3600 + 30 * 60, "5h30m")]
    [InlineData(30 * 3600, "30h")]
    [InlineData(52 * 3600, "2d4h")]
    [InlineData(400 * 86400, "400d")]
    [InlineData(3 * 365 * 86400 + 10 * 86400, "3y10d")]
    public void Ages_print_as_kubectl_prints_them(long seconds, string expected)
    {
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Jsonpath_filters_pick_the_matching_condition()
    {
        var obj = JsonNode.Parse("""{"status":{"conditions":[{"type":"Synced","status":"False"},{"type":"Ready","status":"True"}]},"metadata":{"labels":{"a.b/c":"v"}}}""");

        Assert.Equal("True", JsonPathQuery.Render(JsonPathQuery.Evaluate(obj, """.status.conditions[?(@.type=="Ready")].status""")));
        Assert.Equal("v", JsonPathQuery.Render(JsonPathQuery.Evaluate(obj, ".metadata.labels.a\\.b/c")));
        Assert.Equal("Synced,Ready", JsonPathQuery.Render(JsonPathQuery.Evaluate(obj, ".status.conditions[*].type")));
    }

    [Fact]
    public void Resuming_is_possible_until_the_history_evicts_the_next_event()
    {
        var store = new ObjectStore(historyCapacity: 3);
        var resource = new GroupResource("", "configmaps");
        var versions = Enumerable.Range(0, 5).Select(i => store.Create(resource, new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = $"c{i}", ["namespace"] = "default" },
        }).Object!.ResourceVersion).ToList();

        using var recent = store.Subscribe(resource, WatchStart.From(versions[1]));
        Assert.NotNull(recent);
        Assert.Equal(versions[2..], recent.Initial.Select(e => e.ResourceVersion));
        Assert.Null(store.Subscribe(resource, WatchStart.From(versions[0])));
    }

    [Fact]
    public void Invalid_error_lists_every_cause_with_its_field()
    {
        var type = BuiltInResources.Create().Single(t => t.Kind == "ConfigMap");
        var error = ApiError.Invalid(type, "x", [new StatusCause("FieldValueRequired", "Required value", "data.a"), new StatusCause("FieldValueInvalid", "Invalid value: 1", "data.b")]);

        Assert.Equal(422, error.Code);
        Assert.Equal("ConfigMap \"x\" is invalid: [data.a: Required value, data.b: Invalid value: 1]", error.Message);
        Assert.Equal(2, error.ToStatus()["details"]!["causes"]!.AsArray().Count);
    }
}
