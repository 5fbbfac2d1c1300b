using System.Text.Json.Nodes;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Tests.Yaml;

internal static class YamlTestHelpers
{
    public static YamlDocument Single(string yaml)
    {
        var result = YamlDocumentReader.Read(yaml, "test.yaml");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return Assert.Single(result.Documents);
    }

    public static JsonNode Root(string yaml) => Single(yaml).Root;

    public static YamlError SingleError(string yaml, YamlLimits? limits = null)
    {
        var result = YamlDocumentReader.Read(yaml, "bad.yaml", limits);
        Assert.False(result.Succeeded);
        Assert.Empty(result.Documents);
        return Assert.Single(result.Errors);
    }
}
