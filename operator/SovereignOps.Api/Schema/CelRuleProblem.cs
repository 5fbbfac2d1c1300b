namespace SovereignOps.Api.Schema;

/// <summary>A validation rule that cannot work: at <paramref name="SchemaPath"/> (<c>spec.gpus[*]</c>), the rule text, and why.</summary>
public sealed record CelRuleProblem(string SchemaPath, string Rule, string Message)
{
    public override string ToString() => $"{(SchemaPath.Length == 0 ? "<root>" : SchemaPath)}: rule {Rule}: {Message}";
}
