using YamlDotNet.Core;

namespace SovereignOps.Api.Yaml;

/// <summary>
/// Reads a YAML stream (one or more <c>---</c>-separated documents) into JSON trees with source maps,
/// resolving scalars as kubectl does and refusing hostile input (oversized, badly encoded, too deep,
/// alias bombs) with located errors. Never throws for any input.
/// </summary>
/// <remarks>
/// Merge keys (<c>&lt;&lt;: *defaults</c>, or a list of aliases) are supported, as kubectl supports them:
/// keys written in the mapping itself win over merged ones, and an earlier merged mapping wins over a
/// later one. Duplicate keys, non-scalar keys, null keys, unknown tags and floats JSON cannot carry
/// (<c>.inf</c>, <c>.nan</c>) are errors rather than silently resolved.
/// </remarks>
public static class YamlDocumentReader
{
    public static YamlReadResult Read(ReadOnlySpan<byte> utf8, string sourceName, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        limits ??= YamlLimits.Default;
        return InputScreening.TryDecode(utf8, sourceName, limits, out var text, out var error)
            ? Parse(text, sourceName, limits)
            : YamlReadResult.Failure([error!]);
    }

    public static YamlReadResult Read(byte[] utf8, string sourceName, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        return Read(utf8.AsSpan(), sourceName, limits);
    }

    public static YamlReadResult Read(string text, string sourceName, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        limits ??= YamlLimits.Default;
        return InputScreening.TryScreen(text, sourceName, limits, out var screened, out var error)
            ? Parse(screened, sourceName, limits)
            : YamlReadResult.Failure([error!]);
    }

    private static YamlReadResult Parse(string text, string sourceName, YamlLimits limits)
    {
        var errors = new List<YamlError>();
        var builder = new YamlTreeBuilder(sourceName, limits, errors);
        try
        {
            using var reader = new StringReader(text);
            builder.Run(new Parser(reader));
        }
        catch (YamlException exception)
        {
            var at = YamlTreeBuilder.Position(exception.Start);
            errors.Add(new YamlError(sourceName, at.Line, at.Column, exception.Message));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The parser is third-party code fed hostile input: any failure of it is a refusal of the input.
            var at = YamlTreeBuilder.Position(builder.LastMark);
            errors.Add(new YamlError(sourceName, at.Line, at.Column, $"the YAML could not be parsed: {exception.Message}"));
        }

        return errors.Count > 0 ? YamlReadResult.Failure(errors) : YamlReadResult.Success(builder.Documents);
    }
}
