using System.Text.Json.Nodes;

namespace SovereignOps.Api.Schema;

/// <summary>Keywords on scalars: enum, string length, pattern, format, numeric bounds.</summary>
internal sealed partial class ValidationRun
{
    private void CheckEnum(SchemaNode schema, JsonNode? value, in NodeUnderTest node)
    {
        if (schema.EnumKeys is null)
        {
            return;
        }

        // Most enums are strings: look those up directly instead of building canonical text.
        var allowed = schema.EnumStrings is { } strings && JsonKinds.IsString(value, out var text)
            ? strings.Contains(text)
            : schema.EnumKeys.Contains(JsonCanonical.Of(value));
        if (allowed)
        {
            return;
        }

        var supported = string.Join(", ", schema.Enum!.Select(ViolationText.Render));
        Report(SchemaViolationType.NotSupported, ViolationText.WithValue(SchemaViolationType.NotSupported, ViolationText.Render(value), $"supported values: {supported}"), node);
    }

    private void CheckString(SchemaNode schema, string text, in NodeUnderTest node)
    {
        if (schema.MaxLength is { } maxLength && text.Length > maxLength && CountRunes(text) > maxLength)
        {
            Report(SchemaViolationType.TooLong, ViolationText.WithoutValue(SchemaViolationType.TooLong, $"may not be more than {maxLength} characters"), node);
        }

        if (schema.MinLength is { } minLength && (text.Length < minLength || CountRunes(text) < minLength))
        {
            Invalid(node, ViolationText.Quote(text), $"should be at least {minLength} chars long");
        }

        if (schema.Pattern is { } pattern)
        {
            CheckPattern(schema, pattern, text, node);
        }

        if (schema.Format is { } format && !FormatChecks.IsValidString(format, text))
        {
            Invalid(node, ViolationText.Quote(text), $"must be of type {format}: {ViolationText.Quote(text)}");
        }
    }

    private void CheckPattern(SchemaNode schema, string pattern, string text, in NodeUnderTest node)
    {
        if (schema.PatternRegex is null)
        {
            Report(SchemaViolationType.Internal, ViolationText.WithoutValue(SchemaViolationType.Internal, $"pattern {pattern} cannot be compiled: {schema.PatternError}"), node);
            return;
        }

        if (!PatternCache.TryIsMatch(schema.PatternRegex, text, out var matches))
        {
            Report(SchemaViolationType.Internal, ViolationText.WithoutValue(SchemaViolationType.Internal, $"matching pattern {pattern} timed out"), node);
        }
        else if (!matches)
        {
            Invalid(node, ViolationText.Quote(text), $"should match '{pattern}'");
        }
    }

    private void CheckNumber(SchemaNode schema, JsonNode value, in NodeUnderTest node)
    {
        if (!JsonNumber.TryRead(value, out var number))
        {
            return;
        }

        var rendered = ViolationText.RenderNumber(value);
        var d = number.Double;
        if (schema.Minimum is { } minimum && (schema.ExclusiveMinimum ? d <= minimum : d < minimum))
        {
            Invalid(node, rendered, $"should be greater than {(schema.ExclusiveMinimum ? string.Empty : "or equal to ")}{ViolationText.RenderNumber(minimum)}");
        }

        if (schema.Maximum is { } maximum && (schema.ExclusiveMaximum ? d >= maximum : d > maximum))
        {
            Invalid(node, rendered, $"should be less than {(schema.ExclusiveMaximum ? string.Empty : "or equal to ")}{ViolationText.RenderNumber(maximum)}");
        }

        if (schema.MultipleOf is { } factor && factor > 0 && !IsMultiple(number, factor))
        {
            Invalid(node, rendered, $"should be a multiple of {ViolationText.RenderNumber(factor)}");
        }

        if (schema.Format == "int32" && number.IsInteger && number.Integer is < int.MinValue or > int.MaxValue)
        {
            Invalid(node, rendered, $"must be of type int32: {rendered}");
        }
    }

    private static bool IsMultiple(JsonNumber number, double factor)
    {
        if (number.IsInteger && Math.Floor(factor) == factor && factor <= long.MaxValue)
        {
            return number.Integer % (long)factor == 0;
        }

        var quotient = number.Double / factor;
        return Math.Abs(quotient - Math.Round(quotient)) < 1e-9 * Math.Max(1, Math.Abs(quotient));
    }

    /// <summary>An Invalid violation whose detail starts with "path in body", as kube-openapi words them.</summary>
    private void Invalid(in NodeUnderTest node, string renderedValue, string detail, bool inBodyPrefix = true) =>
        Report(
            SchemaViolationType.Invalid,
            ViolationText.WithValue(SchemaViolationType.Invalid, renderedValue, inBodyPrefix ? $"{ViolationText.InBody(_path.ToString())} {detail}" : detail),
            node);

    private static int CountRunes(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
