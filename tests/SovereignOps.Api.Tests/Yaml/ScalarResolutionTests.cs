using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Tests.Yaml;

/// <summary>Plain scalars must resolve as go-yaml v2 resolves them, because that is the JSON kubectl sends.</summary>
public class ScalarResolutionTests
{
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    // Booleans: every spelling go-yaml v2 accepts, and the "Norway problem".
    [InlineData("true", "true")]
    [InlineData("True", "true")]
    [InlineData("TRUE", "true")]
    [InlineData("yes", "true")]
    [InlineData("Yes", "true")]
    [InlineData("YES", "true")]
    [InlineData("y", "true")]
    [InlineData("Y", "true")]
    [InlineData("on", "true")]
    [InlineData("On", "true")]
    [InlineData("ON", "true")]
    [InlineData("false", "false")]
    [InlineData("False", "false")]
    [InlineData("FALSE", "false")]
    [InlineData("no", "false")]
    [InlineData("No", "false")]
    [InlineData("NO", "false")]
    [InlineData("n", "false")]
    [InlineData("N", "false")]
    [InlineData("off", "false")]
    [InlineData("Off", "false")]
    [InlineData("OFF", "false")]
    [InlineData("tRUE", "\"tRUE\"")]
    [InlineData("yEs", "\"yEs\"")]
    // Nulls.
    [InlineData("~", "null")]
    [InlineData("null", "null")]
    [InlineData("Null", "null")]
    [InlineData("NULL", "null")]
    [InlineData("", "null")]
    [InlineData("nULL", "\"nULL\"")]
    // Integers, with every base prefix and separator go's ParseInt(s, 0, 64) allows.
    [InlineData("42", "42")]
    [InlineData("-17", "-17")]
    [InlineData("+5", "5")]
    [InlineData("0", "0")]
    [InlineData("0x1F", "31")]
    [InlineData("0X1f", "31")]
    [InlineData("-0x10", "-16")]
    [InlineData("0o17", "15")]
    [InlineData("017", "15")]
    [InlineData("0b101", "5")]
    [InlineData("1_000_000", "1000000")]
    [InlineData("9223372036854775807", "9223372036854775807")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    [InlineData("9223372036854775808", "9.223372036854776E+18")]
    // "08" is not octal; go-yaml then reads it as the float 8, which JSON carries as 8.
    [InlineData("08", "8")]
    // Floats: a whole float travels as an integer, as Go's JSON encoder writes it.
    [InlineData("1.0", "1")]
    [InlineData("1.5", "1.5")]
    [InlineData("1e3", "1000")]
    [InlineData("2.5E-1", "0.25")]
    [InlineData(".5", "0.5")]
    [InlineData("-.5", "-0.5")]
    [InlineData("1.", "1")]
    [InlineData("09.5", "9.5")]
    [InlineData("1e400", "\"1e400\"")]
    // Strings.
    [InlineData("80Gi", "\"80Gi\"")]
    [InlineData("1.2.3", "\"1.2.3\"")]
    [InlineData("0x", "\"0x\"")]
    [InlineData("12:30", "\"12:30\"")]
    [InlineData("2024-01-01", "\"2024-01-01\"")]
    [InlineData("2001-12-14t21:59:43.10-05:00", "\"2001-12-14t21:59:43.10-05:00\"")]
    [InlineData("+", "\"+\"")]
    [InlineData("_1", "\"_1\"")]
    [InlineData("<<", "\"<<\"")]
    // Quoted, tagged and block scalars.
    [InlineData("\"42\"", "\"42\"")]
    [InlineData("'true'", "\"true\"")]
    [InlineData("\"\"", "\"\"")]
    [InlineData("!!str 42", "\"42\"")]
    [InlineData("!!str yes", "\"yes\"")]
    [InlineData("! 42", "\"42\"")]
    [InlineData("!!int \"42\"", "42")]
    [InlineData("!!int 0x10", "16")]
    [InlineData("!!float 1", "1")]
    [InlineData("!!float 1.25", "1.25")]
    [InlineData("!!bool yes", "true")]
    [InlineData("!!null ~", "null")]
    [InlineData("!!timestamp 2024-01-01", "\"2024-01-01\"")]
    [InlineData("!!binary aGVsbG8=", "\"hello\"")]
    [InlineData("|\n  yes\n", "\"yes\\n\"")]
    [InlineData(">-\n  no\n", "\"no\"")]
    public void Value_resolves_like_kubectl(string yaml, string expectedJson)
    {
        var root = YamlTestHelpers.Root("value: " + yaml + "\n");

        Assert.Equal(expectedJson, root["value"]?.ToJsonString(Unescaped) ?? "null");
    }

    [Fact]
    public void Integers_are_longs_and_fractions_are_doubles()
    {
        var root = YamlTestHelpers.Root("a: 7\nb: 7.5\n");

        Assert.Equal(7L, root["a"]!.GetValue<long>());
        Assert.Equal(7.5, root["b"]!.GetValue<double>());
    }

    [Fact]
    public void Norway_problem_country_NO_becomes_false()
    {
        var root = YamlTestHelpers.Root("country: NO\nquoted: \"NO\"\n");

        Assert.Equal(JsonValueKind.False, root["country"]!.GetValueKind());
        Assert.Equal("NO", root["quoted"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("yes: a", "true")]
    [InlineData("on: push", "true")]
    [InlineData("n: a", "false")]
    [InlineData("1: a", "1")]
    [InlineData("0x10: a", "16")]
    [InlineData("1.0: a", "1")]
    [InlineData("1.50: a", "1.5")]
    [InlineData("1e7: a", "1e+07")]
    [InlineData("0.00001: a", "1e-05")]
    [InlineData(".inf: a", ".inf")]
    [InlineData("\"yes\": a", "yes")]
    [InlineData("!!str 1: a", "1")]
    public void Non_string_keys_become_the_strings_kubectl_uses(string yaml, string expectedKey)
    {
        var root = YamlTestHelpers.Root(yaml + "\n").AsObject();

        Assert.Equal(expectedKey, Assert.Single(root).Key);
    }

    [Theory]
    [InlineData("value: .inf", "JSON cannot represent")]
    [InlineData("value: -.Inf", "JSON cannot represent")]
    [InlineData("value: .NaN", "JSON cannot represent")]
    [InlineData("value: !!int abc", "cannot read \"abc\" as !!int")]
    [InlineData("value: !!bool 1", "cannot read \"1\" as !!bool")]
    [InlineData("value: !!null x", "cannot read \"x\" as !!null")]
    [InlineData("value: !custom x", "unsupported tag !custom")]
    [InlineData("value: !!binary '%%%'", "not valid base64")]
    [InlineData("value: !!set {a: ~}", "unsupported tag !!set")]
    [InlineData("~: x", "null mapping key")]
    public void Unrepresentable_scalars_and_unknown_tags_are_errors(string yaml, string expectedMessage)
    {
        var error = YamlTestHelpers.SingleError(yaml + "\n");

        Assert.Equal(1, error.Line);
        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
    }
}
