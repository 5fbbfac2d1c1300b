namespace SovereignOps.Api.Yaml;

/// <summary>A place in a source file; line and column are 1-based.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
