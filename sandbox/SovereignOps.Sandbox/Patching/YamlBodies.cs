using System.Text.Json.Nodes;
using SovereignOps.Api.Yaml;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Patching;

/// <summary>
/// Reads request bodies sent as YAML (apply configurations as application/apply-patch+yaml, objects as
/// application/yaml) through the project's bounded YAML reader, so hostile input is refused, not expanded.
/// </summary>
internal static class YamlBodies
{
    public static ApiResult<JsonNode> Parse(ReadOnlySpan<byte> body)
    {
        var read = YamlDocumentReader.Read(body, "request body");
        if (!read.Succeeded)
        {
            return ApiError.BadRequest("the body of the request could not be decoded: " + string.Join("; ", read.Errors.Select(e => e.ToString())));
        }

        return read.Documents.Count == 1
            ? read.Documents[0].Root
            : ApiError.BadRequest($"the body of the request must hold exactly one YAML document, found {read.Documents.Count}");
    }
}
