using System.Text;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Tests.Yaml;

/// <summary>Hostile input is refused with a located message, never a crash or a hang.</summary>
public class YamlLimitTests
{
    [Fact]
    public void Billion_laughs_is_stopped_at_the_alias_that_crosses_the_budget()
    {
        var yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            yaml.Append(level).Append(": &").Append(level).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        var error = YamlTestHelpers.SingleError(yaml.ToString());

        Assert.Contains("alias bomb", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line, 5, 9);
    }

    [Fact]
    public void Node_budget_is_configurable_and_counts_expanded_aliases()
    {
        var limits = YamlLimits.Default with { MaxNodes = 10 };

        Assert.True(YamlDocumentReader.Read("a: &a [1, 2, 3]\nb: *a\n", "ok.yaml", limits).Succeeded);
        var error = YamlTestHelpers.SingleError("a: &a [1, 2, 3]\nb: *a\nc: *a\n", limits);
        Assert.Equal(3, error.Line);
        Assert.Contains("*a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_of_64_levels_is_read_and_65_is_refused_with_the_line()
    {
        Assert.True(YamlDocumentReader.Read(Nested(64), "deep.yaml").Succeeded);

        var error = YamlTestHelpers.SingleError(Nested(65));

        Assert.Equal(65, error.Line);
        Assert.Contains("deeper than the limit of 64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flow_nesting_is_limited_too()
    {
        var error = YamlTestHelpers.SingleError(new string('[', 100) + new string(']', 100));

        Assert.Equal(1, error.Line);
        Assert.Equal(65, error.Column);
    }

    [Fact]
    public void An_alias_that_would_nest_too_deep_is_refused()
    {
        var yaml = "a: &deep " + new string('[', 40) + new string(']', 40) + "\nb: " + new string('[', 30) + "*deep" + new string(']', 30) + "\n";

        var error = YamlTestHelpers.SingleError(yaml);

        Assert.Equal(2, error.Line);
        Assert.Contains("*deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_one_byte_over_five_mebibytes_is_refused_before_parsing()
    {
        var bytes = new byte[(5 * 1024 * 1024) + 1];
        bytes.AsSpan().Fill((byte)'[');

        var result = YamlDocumentReader.Read(bytes, "huge.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Equal("input is 5242881 bytes, larger than the limit of 5242880 bytes", error.Message);
    }

    [Fact]
    public void Oversized_text_is_refused_too()
    {
        var error = YamlTestHelpers.SingleError("a: 1234567890\n", YamlLimits.Default with { MaxInputBytes = 8 });

        Assert.Contains("larger than the limit of 8 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_its_offset_and_line()
    {
        var bytes = Encoding.UTF8.GetBytes("a: 1\nb: x").Concat(new byte[] { 0xC3, 0x28 }).ToArray();

        var error = Assert.Single(YamlDocumentReader.Read(bytes, "latin1.yaml").Errors);

        Assert.Equal((2, 5), (error.Line, error.Column));
        Assert.Equal("input is not valid UTF-8 (invalid byte 0xC3 at byte offset 9)", error.Message);
    }

    [Fact]
    public void Byte_order_mark_in_the_middle_is_refused()
    {
        var error = YamlTestHelpers.SingleError("a: 1\n\uFEFFb: 2\n");

        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Contains("byte-order mark", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpaired_surrogates_in_text_are_refused()
    {
        var error = YamlTestHelpers.SingleError("a: \uD800\n");

        Assert.Equal((1, 4), (error.Line, error.Column));
    }

    [Fact]
    public void Control_characters_are_refused()
    {
        var error = YamlTestHelpers.SingleError("a: 1\nb: x\u0001y\n");

        Assert.Equal((2, 5), (error.Line, error.Column));
        Assert.Contains("U+0001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_are_reported_with_both_lines()
    {
        var error = YamlTestHelpers.SingleError("spec:\n  replicas: 1\n  image: x\n  replicas: 2\n");

        Assert.Equal((4, 3), (error.Line, error.Column));
        Assert.Equal("duplicate key \"replicas\" at spec.replicas (first defined at line 2)", error.Message);
    }

    [Fact]
    public void Keys_that_collide_after_conversion_are_duplicates()
    {
        var error = YamlTestHelpers.SingleError("yes: 1\n\"true\": 2\n");

        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Alias_to_an_undefined_anchor_is_an_error()
    {
        var error = YamlTestHelpers.SingleError("a: 1\nb: *missing\n");

        Assert.Equal((2, 4), (error.Line, error.Column));
        Assert.Contains("&missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_inside_its_own_anchor_is_an_error()
    {
        var error = YamlTestHelpers.SingleError("a: &loop\n  - *loop\n");

        Assert.Equal(2, error.Line);
        Assert.Contains("contains it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_scalar_keys_are_refused()
    {
        var error = YamlTestHelpers.SingleError("? [a, b]\n: value\n");

        Assert.Contains("cannot be used as a mapping key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_of_a_scalar_is_refused()
    {
        var error = YamlTestHelpers.SingleError("a:\n  <<: 3\n");

        Assert.Equal(2, error.Line);
        Assert.Contains("merge key", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: [1, 2\nb: 3\n", 1)]
    [InlineData("a: b: c\n", 1)]
    [InlineData("a: 1\nkey: 'unterminated\n", 2)]
    [InlineData("a:\n  - 1\n - 2\n", 3)]
    public void Syntax_errors_carry_their_line(string yaml, int expectedLine)
    {
        var error = YamlTestHelpers.SingleError(yaml);

        Assert.Equal(expectedLine, error.Line);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    // A mapping nested `depth` levels deep, the innermost on line `depth`.
    private static string Nested(int depth)
    {
        var builder = new StringBuilder();
        for (var level = 0; level < depth - 1; level++)
        {
            builder.Append(' ', level * 2).Append("k:\n");
        }

        builder.Append(' ', (depth - 1) * 2).Append("leaf: 1\n");
        return builder.ToString();
    }
}
