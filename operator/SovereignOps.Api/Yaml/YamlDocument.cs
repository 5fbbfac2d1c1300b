using System.Text.Json.Nodes;

namespace SovereignOps.Api.Yaml;

/// <summary>
/// One non-empty document of a YAML stream, as the JSON kubectl would send for it.
/// </summary>
/// <param name="SourceName">The file name or other label the stream was read under.</param>
/// <param name="Index">0-based position among the stream's non-empty documents.</param>
/// <param name="StartLine">1-based line where the document starts (its <c>---</c>, or its first content).</param>
/// <param name="Root">The document's value; never null, since empty and null documents are skipped.</param>
/// <param name="SourceMap">Where each field of <paramref name="Root"/> was written.</param>
public sealed record YamlDocument(string SourceName, int Index, int StartLine, JsonNode Root, SourceMap SourceMap);
