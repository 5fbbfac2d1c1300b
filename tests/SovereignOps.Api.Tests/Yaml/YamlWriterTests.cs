using System.Text.Json;
using System.Text.Json.Nodes;
using SovereignOps.Api.Yaml;
using Xunit;

namespace SovereignOps.Api.Tests.Yaml;

public sealed class YamlWriterTests
{
    // Strings that YAML (kubectl's YAML 1.1 reading among it) would take for something else, or that
    // need escaping, indentation or chomping care.
    public static TheoryData<string> HardStrings => new()
    {
        "", " ", "true", "True", "yes", "no", "on", "OFF", "y", "n", "null", "Null", "~", "1", "-1", "1.0", ".5", "1e3", "0x1F", "0o17", "0755",
        "1_000", "+1", ".inf", "-.inf", ".nan", "2026-11-27", "12:30", "<<", "=", "*alias", "&anchor", "!tag", "%directive", "@at", "`tick",
        "{a}", "[a]", "a,b", "key:", ":x", "a: b", "a #b", "a#b", "#comment", "- x", "-x", "? x", "| x", "> x", "'x'", "\"x\"", "'", "\"",
        " lead", "trail ", "tab\tinside", "\ttab", "quote\"s", "back\\slash", "line\u2028sep", "nel\u0085", "bom\ufeff", "bell\u0007", "del\u007f",
        "emoji 😀", "ไทย", "العربية", "한국어", "multi\nline", "multi\nline\n", "multi\nline\n\n", "\nleading break", "  indented\nline",
        "first\n  indented second", "a\n\nb", "a\r\nb", "---", "...", "line\n---\nmore", "x\n...\n", "http://host:8080/path", "nvcr.io/nim/llama:1.2",
        "--tensor-parallel-size=4", "$HOME", "a=b", "100Mi", "8Gi", "0.5", "500m",
    };

    [Theory]
    [MemberData(nameof(HardStrings))]
    public void A_string_reads_back_as_the_same_string_as_value_key_and_list_item(string value)
    {
        var node = new JsonObject
        {
            ["value"] = value,
            [value] = "as a key",
            ["list"] = new JsonArray(value, new JsonObject { ["nested"] = value, ["after"] = 1 }),
            ["deep"] = new JsonObject { ["deeper"] = new JsonObject { ["text"] = value } },
        };

        AssertRoundTrip(node);
    }

    [Fact]
    public void Empty_maps_and_lists_and_nested_lists_survive()
    {
        AssertRoundTrip(new JsonObject
        {
            ["emptyDir"] = new JsonObject(),
            ["podSelector"] = new JsonObject(),
            ["args"] = new JsonArray(),
            ["matrix"] = new JsonArray(new JsonArray(1, 2), new JsonArray(), new JsonArray(new JsonArray("x"))),
            ["items"] = new JsonArray(new JsonObject(), new JsonObject { ["a"] = new JsonArray() }),
            ["numbers"] = new JsonArray(0, -3, 1.5, 1e21, long.MaxValue),
            ["flags"] = new JsonArray(true, false, null),
        });
    }

    [Fact]
    public void Kubernetes_objects_read_the_way_a_person_writes_them()
    {
        var yaml = Write(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = "agent", ["labels"] = new JsonObject { ["app.kubernetes.io/name"] = "agent" } },
            ["data"] = new JsonObject { ["manifest.yaml"] = "name: triage\nmodel: th-llm\n", ["enabled"] = "true" },
            ["list"] = new JsonArray(new JsonObject { ["name"] = "a", ["port"] = 8080 }),
        });

        Assert.Equal(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: agent
              labels:
                app.kubernetes.io/name: agent
            data:
              manifest.yaml: |
                name: triage
                model: th-llm
              enabled: "true"
            list:
            - name: a
              port: 8080

            """.ReplaceLineEndings("\n"),
            yaml);
    }

    [Fact]
    public void Equal_input_gives_equal_bytes()
    {
        var node = JsonNode.Parse("""{"b":1,"a":{"y":"x\ny","x":[1,"2"]}}""")!;
        Assert.Equal(Write(node), Write(node.DeepClone()));
    }

    private static void AssertRoundTrip(JsonNode node)
    {
        var yaml = Write(node);
        var read = YamlDocumentReader.Read(yaml, "written.yaml");
        Assert.True(read.Succeeded, $"the written YAML does not read back: {string.Join("; ", read.Errors)}\n{yaml}");
        var document = Assert.Single(read.Documents);
        Assert.True(JsonNode.DeepEquals(node, document.Root), $"read back differently:\n{yaml}\nas {document.Root.ToJsonString()}");
    }

    private static string Write(JsonNode node)
    {
        using var json = JsonDocument.Parse(node.ToJsonString());
        return YamlWriter.Write(json.RootElement);
    }
}
