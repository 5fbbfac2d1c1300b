using System.Diagnostics;
using CsCheck;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Tests.Yaml;

/// <summary>Whatever bytes arrive, reading returns a result: no exception escapes, nothing hangs.</summary>
public class YamlFuzzTests
{
    private static readonly string[] Fragments =
    [
        "a", "key", ":", ": ", " ", "  ", "\n", "\r\n", "\t", "- ", "-", "[", "]", "{", "}", ",", "?", "? ",
        "&x ", "*x", "&y ", "*y", "<<: ", "<<", "'", "\"", "\\", "#", "---\n", "...\n", "|", ">", "|-\n", "!!str ",
        "!!int ", "!tag ", "%YAML 1.1\n", "yes", "NO", "0x1F", "1e3", ".inf", "~", "null", "\uFEFF", "ค", "😀", "\u0000",
    ];

    [Fact]
    public void Random_bytes_never_throw()
    {
        Gen.Byte.Array[0, 300].Sample(
            bytes =>
            {
                var result = YamlDocumentReader.Read(bytes, "fuzz.yaml");
                Assert.True(result.Succeeded ^ result.Errors.Count > 0);
            },
            iter: 3000,
            threads: 1);
    }

    [Fact]
    public void Random_yaml_like_text_never_throws_and_finishes_quickly()
    {
        Gen.OneOf(Fragments).Array[0, 80].Select(parts => string.Concat(parts)).Sample(
            text =>
            {
                var clock = Stopwatch.StartNew();
                var result = YamlDocumentReader.Read(text, "fuzz.yaml", YamlLimits.Default with { MaxNodes = 5_000 });
                Assert.True(result.Succeeded ^ result.Errors.Count > 0);
                Assert.All(result.Errors, error => Assert.True(error.Line >= 1 && error.Column >= 1));
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"reading took {clock.Elapsed}");
            },
            iter: 5000,
            threads: 1);
    }

    [Fact]
    public void Large_inputs_near_the_limit_are_read_or_refused_without_hanging()
    {
        var clock = Stopwatch.StartNew();
        var wide = "items:\n" + string.Concat(Enumerable.Repeat("- name: model\n  size: 7\n", 40_000));
        var flat = new string('a', 5 * 1024 * 1024 - 10);

        Assert.False(YamlDocumentReader.Read(wide, "wide.yaml").Succeeded);
        Assert.True(YamlDocumentReader.Read(flat, "flat.yaml").Succeeded);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"reading took {clock.Elapsed}");
    }
}
