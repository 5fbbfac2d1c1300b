using System.Text;
using System.Text.Json.Nodes;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Tests.Yaml;

public class YamlDocumentReaderTests
{
    private const string TwoResources = """
        # leading comment
        apiVersion: sovereignops.io/v1alpha1
        kind: GpuPool
        metadata:
          name: h100
          labels:
            app.kubernetes.io/name: pool
        spec:
          gpusPerNode: 8
          tolerations:
            - key: nvidia.com/gpu
              effect: NoSchedule
        ---
        ---
        # only a comment
        ---
        apiVersion: sovereignops.io/v1alpha1
        kind: ModelDeployment
        spec:
          replicas: 2
        """;

    [Fact]
    public void Reads_every_non_empty_document_of_a_stream()
    {
        var result = YamlDocumentReader.Read(TwoResources, "stack.yaml");

        Assert.True(result.Succeeded);
        Assert.Collection(
            result.Documents,
            first =>
            {
                Assert.Equal(0, first.Index);
                Assert.Equal(2, first.StartLine);
                Assert.Equal("GpuPool", first.Root["kind"]!.GetValue<string>());
                Assert.Equal(8L, first.Root["spec"]!["gpusPerNode"]!.GetValue<long>());
            },
            second =>
            {
                Assert.Equal(1, second.Index);
                Assert.Equal(16, second.StartLine);
                Assert.Equal("stack.yaml", second.SourceName);
                Assert.Equal("ModelDeployment", second.Root["kind"]!.GetValue<string>());
            });
    }

    [Fact]
    public void Source_map_gives_the_line_and_column_of_each_field()
    {
        var documents = YamlDocumentReader.Read(TwoResources, "stack.yaml").Documents;
        var first = documents[0].SourceMap;
        var second = documents[1].SourceMap;

        Assert.Equal(new SourcePosition(2, 1), Position(first, "apiVersion"));
        Assert.Equal(new SourcePosition(7, 5), Position(first, "metadata.labels[\"app.kubernetes.io/name\"]"));
        Assert.Equal(new SourcePosition(11, 7), Position(first, "spec.tolerations[0]"));
        Assert.Equal(new SourcePosition(12, 7), Position(first, "spec.tolerations[0].effect"));
        Assert.Equal(new SourcePosition(20, 3), Position(second, "spec.replicas"));
    }

    [Fact]
    public void Locate_falls_back_to_the_nearest_written_ancestor()
    {
        var map = YamlDocumentReader.Read(TwoResources, "stack.yaml").Documents[0].SourceMap;

        Assert.Equal(new SourcePosition(8, 1), map.Locate("spec.missing.deeper"));
        Assert.Equal(new SourcePosition(11, 7), map.Locate("spec.tolerations[0].operator"));
        Assert.Equal(map.DocumentStart, map.Locate("nowhere"));
    }

    [Fact]
    public void Bytes_with_a_leading_byte_order_mark_are_read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("name: ค่า\n")).ToArray();

        var result = YamlDocumentReader.Read(bytes, "thai.yaml");

        Assert.True(result.Succeeded);
        Assert.Equal("ค่า", result.Documents[0].Root["name"]!.GetValue<string>());
    }

    [Fact]
    public void A_stream_of_only_empty_documents_has_no_documents()
    {
        var result = YamlDocumentReader.Read("---\n# nothing\n---\n~\n", "empty.yaml");

        Assert.True(result.Succeeded);
        Assert.Empty(result.Documents);
    }

    [Fact]
    public void Aliases_are_expanded_into_independent_copies()
    {
        var root = YamlTestHelpers.Root("base: &b {cpu: 1, tags: [x]}\ncopy: *b\n");

        Assert.Equal("""{"cpu":1,"tags":["x"]}""", root["copy"]!.ToJsonString());
        root["copy"]!["cpu"] = 2;
        Assert.Equal(1L, root["base"]!["cpu"]!.GetValue<long>());
    }

    [Fact]
    public void Merge_keys_merge_mappings_with_explicit_keys_winning()
    {
        var document = YamlTestHelpers.Single("""
            defaults: &defaults
              image: registry.local/model
              replicas: 1
            extra: &extra
              replicas: 5
              port: 8080
            model:
              <<: [*defaults, *extra]
              replicas: 3
            """);

        var model = document.Root["model"]!;
        Assert.Equal("""{"image":"registry.local/model","replicas":3,"port":8080}""", model.ToJsonString());
        Assert.Equal(8, document.SourceMap.Locate("model.image").Line);
        Assert.Equal(9, document.SourceMap.Locate("model.replicas").Line);
    }

    [Fact]
    public void Anchors_do_not_leak_between_documents()
    {
        var error = YamlTestHelpers.SingleError("a: &x 1\n---\nb: *x\n");

        Assert.Equal(3, error.Line);
        Assert.Contains("*x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collects_every_non_fatal_error_in_source_order()
    {
        var result = YamlDocumentReader.Read("a: 1\na: 2\nb: .inf\nc: *nope\n", "many.yaml");

        Assert.Equal([2, 3, 4], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Error_text_names_file_line_and_column()
    {
        var error = YamlTestHelpers.SingleError("a:\n  b: [1, 2\n");

        Assert.StartsWith("bad.yaml:", error.ToString(), StringComparison.Ordinal);
        Assert.Equal($"bad.yaml:{error.Line}:{error.Column}: {error.Message}", error.ToString());
    }

    [Fact]
    public void A_scalar_document_is_a_json_value()
    {
        Assert.Equal("\"hello\"", YamlTestHelpers.Root("hello").ToJsonString());
        Assert.IsType<JsonArray>(YamlTestHelpers.Root("- 1\n- 2"), exactMatch: false);
    }

    private static SourcePosition Position(SourceMap map, string path)
    {
        Assert.True(map.TryGetPosition(path, out var position), $"no position for {path}");
        return position;
    }
}
