using YamlDotNet.Core;

namespace SovereignOps.Api.Yaml;

/// <summary>The standard YAML tags this reader honours; any other tag is refused rather than guessed at.</summary>
internal static class YamlTags
{
    private const string Prefix = "tag:yaml.org,2002:";

    public const string Str = Prefix + "str";
    public const string Int = Prefix + "int";
    public const string Float = Prefix + "float";
    public const string Bool = Prefix + "bool";
    public const string Null = Prefix + "null";
    public const string Binary = Prefix + "binary";
    public const string Timestamp = Prefix + "timestamp";
    public const string Merge = Prefix + "merge";
    public const string Map = Prefix + "map";
    public const string Seq = Prefix + "seq";

    /// <summary>The tag as written in YAML: <c>!!int</c> for the standard ones.</summary>
    public static string Display(TagName tag) =>
        tag.Value.StartsWith(Prefix, StringComparison.Ordinal) ? "!!" + tag.Value[Prefix.Length..] : tag.Value;

    /// <summary>True for no tag, the non-specific <c>!</c>, or the given standard tag.</summary>
    public static bool IsCollectionTagAllowed(TagName tag, string expected) =>
        tag.IsEmpty || tag.IsNonSpecific || tag.Value == expected;
}
