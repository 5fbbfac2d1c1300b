namespace SovereignOps.Api.Yaml;

/// <summary>An input problem found while reading YAML, located in its source (1-based line and column).</summary>
public sealed record YamlError(string SourceName, int Line, int Column, string Message)
{
    public override string ToString() => $"{SourceName}:{Line}:{Column}: {Message}";
}
