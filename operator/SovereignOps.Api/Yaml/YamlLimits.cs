namespace SovereignOps.Api.Yaml;

/// <summary>Bounds that keep hostile YAML from exhausting memory or time.</summary>
/// <param name="MaxInputBytes">Largest input accepted, in UTF-8 bytes; checked before parsing.</param>
/// <param name="MaxDepth">Deepest nesting of mappings and sequences, counting what aliases expand to.</param>
/// <param name="MaxNodes">Most nodes one document may hold once every alias is expanded (defeats "billion laughs").</param>
public sealed record YamlLimits(long MaxInputBytes, int MaxDepth, int MaxNodes)
{
    public const long DefaultMaxInputBytes = 5L * 1024 * 1024;
    public const int DefaultMaxDepth = 64;
    public const int DefaultMaxNodes = 100_000;

    public static YamlLimits Default { get; } = new(DefaultMaxInputBytes, DefaultMaxDepth, DefaultMaxNodes);
}
